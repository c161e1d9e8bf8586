package kz.qazdigest.delivery;

import java.util.List;

/** {@code /broadcast}: one message to every active subscriber, with a report to the admin when done. */
public interface Broadcaster {

    /**
     * Fans the text out (as outbox rows in one transaction) to every active subscriber; returns the broadcast
     * id and the number of chats it was queued for. The admin's report follows when all rows are settled.
     */
    Queued broadcast(long adminChatId, String text, List<OutgoingMessage.TextEntity> entities);

    record Queued(long broadcastId, int chats) {}

    /** Delivered / blocked / failed counts, sent to the admin in their language by a {@link ReportFormatter}. */
    record Report(long broadcastId, int delivered, int blocked, int failed) {}

    @FunctionalInterface
    interface ReportFormatter {
        OutgoingMessage format(long adminChatId, Report report);
    }
}
