package kz.qazdigest.delivery;

/**
 * Smooths sends to a steady rate (GCRA: a "theoretical arrival time" that advances one interval per send), so a
 * burst of 10,000 rows goes out evenly instead of hitting Telegram's limit and being retried. Times are
 * System.nanoTime() values. Not thread-safe: the dispatcher thread owns it.
 */
final class Pacer {
    private final long intervalNanos;
    private final long toleranceNanos;
    private long theoreticalArrival;
    private boolean started;

    /** {@code burst} sends may go back to back after an idle spell; 1 means strictly evenly spaced. */
    Pacer(double perSecond, int burst) {
        this.intervalNanos = Math.max(1, Math.round(1_000_000_000d / perSecond));
        this.toleranceNanos = (long) (Math.max(1, burst) - 1) * intervalNanos;
    }

    /** How long to wait from {@code now} before the next send is allowed; 0 when it may go now. */
    long delay(long now) {
        if (!started) {
            return 0;
        }
        return Math.max(0, theoreticalArrival - toleranceNanos - now);
    }

    /** Records a send at {@code now} (call only when {@link #delay} is 0). */
    void take(long now) {
        long base = started ? Math.max(theoreticalArrival, now) : now;
        theoreticalArrival = base + intervalNanos;
        started = true;
    }

    /** Telegram asked for silence until {@code until}. */
    void pauseUntil(long until) {
        theoreticalArrival = Math.max(started ? theoreticalArrival : until, until + toleranceNanos);
        started = true;
    }

    long intervalNanos() {
        return intervalNanos;
    }
}
