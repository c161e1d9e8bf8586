package kz.qazdigest.delivery;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends through the real TelegramBots client and turns its errors into {@link DeliveryException} reasons.
 * It neither retries nor paces: the library does neither, and the sender owns both.
 */
public final class TelegramGateway implements ChatGateway {
    private final TelegramClient client;

    public TelegramGateway(TelegramClient client) {
        this.client = client;
    }

    /** A client for TELEGRAM_API_URL (scheme://host[:port], validated by the settings). */
    public static TelegramClient client(String token, URI apiUrl, Duration timeout) {
        return new OkHttpTelegramClient(new OkHttpClient.Builder().callTimeout(timeout).readTimeout(timeout).build(),
                token, telegramUrl(apiUrl));
    }

    public static TelegramUrl telegramUrl(URI apiUrl) {
        int port = apiUrl.getPort() != -1 ? apiUrl.getPort() : ("https".equals(apiUrl.getScheme()) ? 443 : 80);
        return new TelegramUrl(apiUrl.getScheme(), apiUrl.getHost(), port, false);
    }

    @Override
    public int send(long chatId, OutgoingMessage message) throws DeliveryException {
        try {
            if (message.isEdit()) {
                Serializable result = client.execute(edit(chatId, message));
                return result instanceof Message m ? m.getMessageId() : message.editMessageId();
            }
            return client.execute(sendMessage(chatId, message)).getMessageId();
        } catch (TelegramApiRequestException e) {
            if (message.isEdit() && isNotModified(e)) {
                return message.editMessageId(); // the user pressed the same button twice: nothing to change
            }
            throw classify(e);
        } catch (TelegramApiException e) {
            throw new DeliveryException(DeliveryException.Reason.TRANSIENT, 0,
                    "telegram: " + e.getMessage(), null, null, e);
        }
    }

    private static SendMessage sendMessage(long chatId, OutgoingMessage message) {
        SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder()
                .chatId(chatId)
                .text(message.text())
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(!message.linkPreview()).build());
        if (message.format() == OutgoingMessage.TextFormat.HTML) {
            send.parseMode("HTML");
        } else if (!message.entities().isEmpty()) {
            send.entities(message.entities().stream().map(TelegramGateway::entity).toList());
        }
        if (!message.keyboard().isEmpty()) {
            send.replyMarkup(keyboard(message.keyboard()));
        }
        return send.build();
    }

    private static EditMessageText edit(long chatId, OutgoingMessage message) {
        EditMessageText.EditMessageTextBuilder<?, ?> edit = EditMessageText.builder()
                .chatId(chatId)
                .messageId(message.editMessageId())
                .text(message.text())
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(!message.linkPreview()).build());
        if (message.format() == OutgoingMessage.TextFormat.HTML) {
            edit.parseMode("HTML");
        }
        if (!message.keyboard().isEmpty()) {
            edit.replyMarkup(keyboard(message.keyboard()));
        }
        return edit.build();
    }

    private static InlineKeyboardMarkup keyboard(List<List<OutgoingMessage.InlineButton>> rows) {
        return InlineKeyboardMarkup.builder()
                .keyboard(rows.stream()
                        .map(row -> new InlineKeyboardRow(row.stream()
                                .map(b -> InlineKeyboardButton.builder().text(b.label()).callbackData(b.callbackData()).build())
                                .toList()))
                        .toList())
                .build();
    }

    private static MessageEntity entity(OutgoingMessage.TextEntity e) {
        return MessageEntity.builder().type(e.type()).offset(e.offset()).length(e.length())
                .url(e.url()).language(e.language()).customEmojiId(e.customEmojiId()).build();
    }

    private static boolean isNotModified(TelegramApiRequestException e) {
        return e.getErrorCode() != null && e.getErrorCode() == 400
                && String.valueOf(e.getApiResponse()).toLowerCase(Locale.ROOT).contains("message is not modified");
    }

    /** Telegram's answer, sorted by what the sender must do next. */
    static DeliveryException classify(TelegramApiRequestException e) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        String description = String.valueOf(e.getApiResponse());
        String lower = description.toLowerCase(Locale.ROOT);
        DeliveryException.Reason reason;
        Duration retryAfter = null;
        Long migrateTo = e.getParameters() != null ? e.getParameters().getMigrateToChatId() : null;
        if (code == 429) {
            reason = DeliveryException.Reason.RATE_LIMITED;
            Integer seconds = e.getParameters() != null ? e.getParameters().getRetryAfter() : null;
            retryAfter = Duration.ofSeconds(seconds == null ? 1 : Math.max(1, seconds));
        } else if (migrateTo != null) {
            reason = DeliveryException.Reason.MIGRATED;
        } else if (code == 403) {
            reason = DeliveryException.Reason.BLOCKED;
        } else if (code == 400 && (lower.contains("chat not found") || lower.contains("user not found")
                || lower.contains("peer_id_invalid") || lower.contains("group chat was deactivated"))) {
            reason = DeliveryException.Reason.CHAT_NOT_FOUND;
        } else if (code >= 500 || code == 0) {
            reason = DeliveryException.Reason.TRANSIENT;
        } else {
            reason = DeliveryException.Reason.BAD_REQUEST;
        }
        return new DeliveryException(reason, code, "telegram: " + code + " " + description, retryAfter, migrateTo, e);
    }
}
