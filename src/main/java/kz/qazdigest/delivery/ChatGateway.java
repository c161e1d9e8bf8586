package kz.qazdigest.delivery;

/**
 * The one place a message leaves qazdigest: Telegram through the TelegramBots client, or the console.
 * Implementations do not retry or pace; the sender does.
 */
public interface ChatGateway {

    /** Sends (or edits) a message and returns the id Telegram gave it. */
    int send(long chatId, OutgoingMessage message) throws DeliveryException;
}
