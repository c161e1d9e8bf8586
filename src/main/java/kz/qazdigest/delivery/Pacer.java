package kz.qazdigest.delivery;

/**
 * The global send limit. Two rules together:
 * <ul>
 *   <li>smoothing: GCRA (a "theoretical arrival time" advancing one interval per send), so 10,000 rows go out
 *       evenly rather than in a burst that Telegram answers with 429s; a small tolerance ({@code burst} sends)
 *       lets the sender catch up after it was briefly late (a slow commit) instead of losing those slots;</li>
 *   <li>a hard cap: at most N sends in any window of N/rate seconds (N = the rate rounded down, at least 1), the
 *       way Telegram counts, with the window stretched by {@link #GUARD} because Telegram counts arrivals and
 *       network delays vary: a message delayed by a few milliseconds must not land in the next second's count.</li>
 * </ul>
 * Times are System.nanoTime() values. Not thread-safe: the dispatcher thread owns it.
 */
final class Pacer {
    static final double GUARD = 1.02;

    private final long intervalNanos;
    private final long toleranceNanos;
    private final long windowNanos;
    private final long[] recent; // send times, a ring of the last N
    private int next;
    private int count;
    private long theoreticalArrival;
    private long pausedUntil;
    private boolean paused;
    private boolean started;

    Pacer(double perSecond, int burst) {
        this.intervalNanos = Math.max(1, Math.round(1_000_000_000d / perSecond));
        this.toleranceNanos = (long) (Math.max(1, burst) - 1) * intervalNanos;
        int n = (int) Math.max(1, Math.floor(perSecond));
        this.recent = new long[n];
        this.windowNanos = Math.round(n * 1_000_000_000d / perSecond * GUARD);
    }

    /** A burst allowance of about 50 ms of sending, at least 1. */
    static Pacer forRate(double perSecond) {
        return new Pacer(perSecond, (int) Math.max(1, Math.floor(perSecond / 20)));
    }

    /** How long to wait from {@code now} before the next send is allowed; 0 when it may go now. */
    long delay(long now) {
        long wait = 0;
        if (started) {
            wait = theoreticalArrival - toleranceNanos - now;
        }
        if (count == recent.length) {
            wait = Math.max(wait, recent[next] + windowNanos - now); // recent[next] is the oldest of the last N
        }
        if (paused) {
            wait = Math.max(wait, pausedUntil - now);
        }
        return Math.max(0, wait);
    }

    /** Records a send at {@code now} (call only when {@link #delay} is 0). */
    void take(long now) {
        theoreticalArrival = (started ? Math.max(theoreticalArrival, now) : now) + intervalNanos;
        started = true;
        recent[next] = now;
        next = (next + 1) % recent.length;
        count = Math.min(count + 1, recent.length);
    }

    /** Telegram asked for silence until {@code until}. */
    void pauseUntil(long until) {
        pausedUntil = paused ? Math.max(pausedUntil, until) : until;
        paused = true;
        theoreticalArrival = Math.max(theoreticalArrival, until); // no catch-up burst right after the pause
    }
}
