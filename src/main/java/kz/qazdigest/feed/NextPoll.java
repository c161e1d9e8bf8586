package kz.qazdigest.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import kz.qazdigest.config.Settings;

/**
 * When to poll a feed next: the poll interval, stretched by the feed's own hints (RSS ttl, Cache-Control
 * max-age, Expires, Retry-After), doubled per consecutive failure, capped, and spread by jitter so that
 * feeds added together do not poll in lockstep.
 */
final class NextPoll {
    private final Duration interval;
    private final Duration cap;
    private final double jitter;
    private final DoubleSupplier random;

    NextPoll(Settings.Feeds settings, DoubleSupplier random) {
        this.interval = settings.pollInterval();
        this.cap = settings.maxBackoff().compareTo(interval) > 0 ? settings.maxBackoff() : interval;
        this.jitter = settings.jitter();
        this.random = random;
    }

    Instant afterSuccess(Instant now, CacheHints hints) {
        return now.plus(jittered(longer(interval, min(hints.longestWait(now), cap))));
    }

    /** @param failures consecutive failures including this one (1 after the first) */
    Instant afterFailure(Instant now, int failures, CacheHints hints) {
        Duration backoff = interval.multipliedBy(1L << Math.min(Math.max(failures, 1), 20));
        Duration wait = longer(min(backoff, cap), min(hints.longestWait(now), cap));
        return now.plus(jittered(wait));
    }

    private Duration jittered(Duration d) {
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.round(d.toMillis() * factor));
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
