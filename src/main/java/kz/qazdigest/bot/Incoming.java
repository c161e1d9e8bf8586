package kz.qazdigest.bot;

import java.util.List;
import kz.qazdigest.delivery.OutgoingMessage.TextEntity;

/**
 * One thing a chat said to the bot, whatever the transport: a message (text may be null for photos,
 * stickers, joins) or a button press (callback fields set).
 *
 * @param entities    the message's formatting entities, offsets in UTF-16 units of {@code text}
 * @param botUsername the bot's own username, for {@code /cmd@botname} addressing in groups
 */
public record Incoming(long updateId, long chatId, String chatType, long userId, String languageCode, String text,
                       List<TextEntity> entities, String callbackId, String callbackData, Integer callbackMessageId,
                       String botUsername) {

    public Incoming {
        entities = entities == null ? List.of() : List.copyOf(entities);
        chatType = chatType == null ? "private" : chatType;
    }

    public static Incoming message(long updateId, long chatId, String chatType, long userId, String languageCode,
                                   String text, List<TextEntity> entities, String botUsername) {
        return new Incoming(updateId, chatId, chatType, userId, languageCode, text, entities, null, null, null, botUsername);
    }

    public static Incoming callback(long updateId, long chatId, String chatType, long userId, String languageCode,
                                    String callbackId, String data, int messageId, String botUsername) {
        return new Incoming(updateId, chatId, chatType, userId, languageCode, null, List.of(), callbackId, data, messageId,
                botUsername);
    }

    public boolean isCallback() {
        return callbackId != null;
    }

    public boolean isGroup() {
        return "group".equals(chatType) || "supergroup".equals(chatType);
    }
}
