package kz.qazdigest.delivery;

/**
 * Where the bot puts everything it says: each message becomes an outbox row, written before it is sent,
 * and goes out through the paced sender in its lane.
 */
public interface MessageQueue {

    /** Queues a message for a chat; returns the outbox row id. */
    long enqueue(long chatId, OutgoingMessage message, Lane lane);
}
