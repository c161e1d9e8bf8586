package kz.qazdigest.feed;

import java.time.Duration;
import java.time.Instant;

/**
 * What a server or feed said about how often to come back: Cache-Control max-age, Expires, Retry-After
 * (on 429/503) and the RSS {@code <ttl>}. Each is null when absent.
 */
public record CacheHints(Duration maxAge, Instant expires, Duration retryAfter, Duration ttl) {
    public static final CacheHints NONE = new CacheHints(null, null, null, null);

    public CacheHints withTtl(Duration feedTtl) {
        return new CacheHints(maxAge, expires, retryAfter, feedTtl);
    }

    /** The longest wait any hint asks for, measured from {@code now}; zero when there is none. */
    public Duration longestWait(Instant now) {
        Duration longest = Duration.ZERO;
        for (Duration d : new Duration[] {maxAge, retryAfter, ttl,
                expires == null ? null : Duration.between(now, expires)}) {
            if (d != null && d.compareTo(longest) > 0) {
                longest = d;
            }
        }
        return longest;
    }
}
