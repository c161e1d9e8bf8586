package kz.qazdigest.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kz.qazdigest.store.Feed;
import kz.qazdigest.store.Item;

/**
 * What one poll of one feed did. httpStatus is 0 when no HTTP answer came; error is the one-line reason
 * of a failure (also stored as the feed's last_error), null otherwise.
 */
public record PollOutcome(Feed feed, Result result, int httpStatus, int entries, List<Item> newItems, String error,
                          Duration took, Instant nextPollAt) {
    public enum Result { UPDATED, NOT_MODIFIED, FAILED }

    public PollOutcome {
        newItems = List.copyOf(newItems);
    }

    public boolean ok() {
        return result != Result.FAILED;
    }
}
