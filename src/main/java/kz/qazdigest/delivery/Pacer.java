package kz.qazdigest.delivery;

/**
 * The global send limit. Two rules together:
 * <ul>
 *   <li>smoothing: GCRA (a "theoretical arrival time" advancing one interval per send), so 10,000 rows go out
 *       evenly rather than in a burst that Telegram answers with 429s; a small tolerance ({@code burst} sends)
 *       lets the sender catch up after it was briefly late (a slow commit) instead of losing those slots;</li>
 *   <li>a hard cap: at most N sends in any window of N/rate seconds (N = the rate rounded down, at least 1), the
 *       way Telegram counts: by arrival. A call arrives somewhere between its start and its answer, and network
 *       delays vary, so counting start times is not enough (a call slowed by a few ms would land in the next
 *       window's count). The window is therefore counted from the answer of the send N back, which arrived by
 *       then for sure; while that call is still running, from its start plus {@link #GUARD} of the window.</li>
 * </ul>
 * Times are System.nanoTime() values. The dispatcher thread calls {@link #delay}, {@link #take} and
 * {@link #pauseUntil}; workers call {@link #answered}. Synchronized: cheap at these rates, and a late answer
 * must not touch the slot of a newer send.
 */
final class Pacer {
    static final double GUARD = 0.02;

    private final long intervalNanos;
    private final long toleranceNanos;
    private final long windowNanos;
    private final long unansweredSlackNanos;
    private final long[] startedAt; // a ring of the last N sends
    private final long[] answeredAt;
    private final boolean[] answered;
    private final long[] tickets;
    private long sent; // sends so far; send k uses slot k % N
    private long theoreticalArrival;
    private long pausedUntil;
    private boolean paused;

    Pacer(double perSecond, int burst) {
        this.intervalNanos = Math.max(1, Math.round(1_000_000_000d / perSecond));
        this.toleranceNanos = (long) (Math.max(1, burst) - 1) * intervalNanos;
        int n = (int) Math.max(1, Math.floor(perSecond));
        this.startedAt = new long[n];
        this.answeredAt = new long[n];
        this.answered = new boolean[n];
        this.tickets = new long[n];
        this.windowNanos = Math.round(n * 1_000_000_000d / perSecond);
        this.unansweredSlackNanos = Math.round(windowNanos * GUARD);
    }

    /** A burst allowance of about 50 ms of sending, at least 1. */
    static Pacer forRate(double perSecond) {
        return new Pacer(perSecond, (int) Math.max(1, Math.floor(perSecond / 20)));
    }

    /** How long to wait from {@code now} before the next send is allowed; 0 when it may go now. */
    synchronized long delay(long now) {
        long wait = 0;
        if (sent > 0) {
            wait = theoreticalArrival - toleranceNanos - now;
        }
        int n = startedAt.length;
        if (sent >= n) {
            int oldest = (int) (sent % n); // the send N back, whose slot the next send takes
            long arrivedBy = answered[oldest] ? answeredAt[oldest] : startedAt[oldest] + unansweredSlackNanos;
            wait = Math.max(wait, arrivedBy + windowNanos - now);
        }
        if (paused) {
            wait = Math.max(wait, pausedUntil - now);
        }
        return Math.max(0, wait);
    }

    /** Records a send at {@code now} (call only when {@link #delay} is 0); returns its ticket for {@link #answered}. */
    synchronized long take(long now) {
        theoreticalArrival = (sent > 0 ? Math.max(theoreticalArrival, now) : now) + intervalNanos;
        int slot = (int) (sent % startedAt.length);
        startedAt[slot] = now;
        answered[slot] = false;
        tickets[slot] = sent;
        return sent++;
    }

    /** The call of send {@code ticket} got its answer (or failed) at {@code now}: it has arrived, if ever. */
    synchronized void answered(long ticket, long now) {
        int slot = (int) (ticket % startedAt.length);
        if (tickets[slot] == ticket) { // not yet reused by a newer send
            answeredAt[slot] = now;
            answered[slot] = true;
        }
    }

    /** Telegram asked for silence until {@code until}. */
    synchronized void pauseUntil(long until) {
        pausedUntil = paused ? Math.max(pausedUntil, until) : until;
        paused = true;
        theoreticalArrival = Math.max(theoreticalArrival, until); // no catch-up burst right after the pause
    }
}
