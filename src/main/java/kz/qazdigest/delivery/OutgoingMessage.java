package kz.qazdigest.delivery;

import java.util.List;
import java.util.Objects;

/**
 * What the bot wants to show in a chat, independent of the transport (Telegram or the console).
 *
 * @param text          the text; HTML-escaped feed text when {@code format} is HTML
 * @param format        how Telegram must read {@code text}
 * @param keyboard      inline keyboard rows; empty for none
 * @param linkPreview   whether Telegram may show a link preview
 * @param editMessageId when set, edit this earlier message of the bot instead of sending a new one
 * @param entities      Telegram formatting entities for PLAIN text (a broadcast keeps the admin's formatting)
 */
public record OutgoingMessage(String text, TextFormat format, List<List<InlineButton>> keyboard,
                              boolean linkPreview, Integer editMessageId, List<TextEntity> entities) {

    public OutgoingMessage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(format, "format");
        keyboard = keyboard == null ? List.of() : keyboard.stream().map(List::copyOf).toList();
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    public static OutgoingMessage plain(String text) {
        return new OutgoingMessage(text, TextFormat.PLAIN, List.of(), false, null, List.of());
    }

    public static OutgoingMessage html(String html) {
        return new OutgoingMessage(html, TextFormat.HTML, List.of(), false, null, List.of());
    }

    public OutgoingMessage withKeyboard(List<List<InlineButton>> rows) {
        return new OutgoingMessage(text, format, rows, linkPreview, editMessageId, entities);
    }

    public OutgoingMessage editing(int messageId) {
        return new OutgoingMessage(text, format, keyboard, linkPreview, messageId, entities);
    }

    public boolean isEdit() {
        return editMessageId != null;
    }

    public enum TextFormat { PLAIN, HTML }

    /** One inline button; {@code callbackData} is at most 64 bytes in UTF-8 (Telegram's limit). */
    public record InlineButton(String label, String callbackData) {
        public InlineButton {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(callbackData, "callbackData");
            if (callbackData.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
                throw new IllegalArgumentException("callback_data over 64 bytes: " + callbackData);
            }
        }
    }

    /** A Telegram message entity (bold, link, ...) with offsets in UTF-16 units, as Telegram counts. */
    public record TextEntity(String type, int offset, int length, String url, String language, String customEmojiId) {}
}
