package kz.qazdigest.fulltext;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * At most N requests per second to any one host, shared by every feed and thread: each caller reserves
 * the host's next free slot and waits for it, so a 200-item feed is spread out instead of hammering a site.
 */
public final class HostRateLimiter {
    /** Waits for a number of nanoseconds; replaceable in tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final Map<String, Long> nextSlot = new ConcurrentHashMap<>();

    public HostRateLimiter(double perSecond) {
        this(perSecond, System::nanoTime, nanos -> java.util.concurrent.TimeUnit.NANOSECONDS.sleep(nanos));
    }

    HostRateLimiter(double perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("fulltext: perHostPerSecond must be positive, not " + perSecond);
        }
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Blocks until a request to {@code host} is allowed; returns how long it waited. */
    public Duration acquire(String host) throws InterruptedException {
        String key = host.toLowerCase(Locale.ROOT);
        long now = nanoTime.getAsLong();
        long[] slot = new long[1];
        nextSlot.compute(key, (k, next) -> {
            slot[0] = next == null || next - now < 0 ? now : next;
            return slot[0] + intervalNanos;
        });
        long wait = slot[0] - now;
        if (wait > 0) {
            sleeper.sleep(wait);
        }
        return Duration.ofNanos(Math.max(0, wait));
    }
}
