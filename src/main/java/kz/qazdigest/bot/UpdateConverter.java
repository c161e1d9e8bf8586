package kz.qazdigest.bot;

import java.util.List;
import java.util.Optional;
import kz.qazdigest.delivery.OutgoingMessage.TextEntity;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Telegram updates into {@link Incoming}. Only new messages and button presses are ours: edited messages,
 * channel posts, member changes and the like give nothing (and are confirmed, so they are not re-sent).
 */
final class UpdateConverter {
    private UpdateConverter() {
    }

    static Optional<Incoming> convert(Update update, String botUsername) {
        long id = update.getUpdateId();
        if (update.hasMessage()) {
            Message m = update.getMessage();
            if (m.getChat() == null || "channel".equals(m.getChat().getType())) {
                return Optional.empty();
            }
            User from = m.getFrom();
            long userId = from == null ? m.getChatId() : from.getId();
            String lang = from == null ? null : from.getLanguageCode();
            return Optional.of(Incoming.message(id, m.getChatId(), m.getChat().getType(), userId, lang, m.getText(),
                    entities(m.getEntities()), botUsername));
        }
        if (update.hasCallbackQuery()) {
            CallbackQuery q = update.getCallbackQuery();
            MaybeInaccessibleMessage m = q.getMessage();
            if (m == null || m.getChatId() == null || q.getFrom() == null) {
                return Optional.empty(); // a press on an inline-mode message: not ours
            }
            String type = m.getChat() == null ? "private" : m.getChat().getType();
            return Optional.of(Incoming.callback(id, m.getChatId(), type, q.getFrom().getId(), q.getFrom().getLanguageCode(),
                    q.getId(), q.getData(), m.getMessageId(), botUsername));
        }
        return Optional.empty();
    }

    private static List<TextEntity> entities(List<MessageEntity> entities) {
        if (entities == null) {
            return List.of();
        }
        return entities.stream()
                .map(e -> new TextEntity(e.getType(), e.getOffset(), e.getLength(), e.getUrl(), e.getLanguage(),
                        e.getCustomEmojiId()))
                .toList();
    }
}
