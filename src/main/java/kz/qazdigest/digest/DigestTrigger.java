package kz.qazdigest.digest;

/** {@code /digest}: build and queue a digest for one chat now, whatever its schedule. */
public interface DigestTrigger {

    /** Queues the chat's undelivered matching items; returns how many items were queued (0: nothing new). */
    int sendNow(long chatId);
}
