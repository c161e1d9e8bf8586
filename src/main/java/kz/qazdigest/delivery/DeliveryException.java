package kz.qazdigest.delivery;

import java.time.Duration;

/** Why a message could not be delivered, classified so the sender knows whether and when to retry. */
public final class DeliveryException extends Exception {

    public enum Reason {
        /** 429: wait {@link #retryAfter()} and try again. */
        RATE_LIMITED,
        /** 403: the user blocked the bot or was deactivated; stop sending to the chat. */
        BLOCKED,
        /** 400 chat not found (or kicked from a group); stop sending to the chat. */
        CHAT_NOT_FOUND,
        /** 400 migrate_to_chat_id: the group became a supergroup with {@link #migrateToChatId()}. */
        MIGRATED,
        /** 400 for this message only (bad HTML, too long, message to edit not found): park it, move on. */
        BAD_REQUEST,
        /** 5xx, timeouts, connection failures: retry with backoff. */
        TRANSIENT
    }

    private final Reason reason;
    private final int errorCode;
    private final Duration retryAfter;
    private final Long migrateToChatId;

    public DeliveryException(Reason reason, int errorCode, String description, Duration retryAfter,
                             Long migrateToChatId, Throwable cause) {
        super(description, cause);
        this.reason = reason;
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
        this.migrateToChatId = migrateToChatId;
    }

    public Reason reason() {
        return reason;
    }

    /** The Bot API's error_code, or 0 when there was no answer. */
    public int errorCode() {
        return errorCode;
    }

    /** For RATE_LIMITED: how long Telegram asked us to wait; null otherwise. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** For MIGRATED: the supergroup's chat id; null otherwise. */
    public Long migrateToChatId() {
        return migrateToChatId;
    }
}
