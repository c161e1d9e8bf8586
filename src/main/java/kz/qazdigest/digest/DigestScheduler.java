package kz.qazdigest.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import kz.qazdigest.schedule.QuartzTick;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz is the clock, the database says what is due: a tick (RAMJobStore, never two at once) sends the
 * scheduled digest of every active subscriber whose next_digest_at has passed and moves it to the next slot
 * after now, so a downtime sends a missed digest once, not once per missed slot.
 */
public final class DigestScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

    private final DigestService digests;
    private final Clock clock;
    private final Duration tick;
    private QuartzTick ticking;

    public DigestScheduler(DigestService digests, Clock clock, Duration tick) {
        this.digests = digests;
        this.clock = clock;
        this.tick = tick;
    }

    public synchronized void start() {
        if (ticking == null) {
            ticking = QuartzTick.start("digests-due", tick, this::runDue);
        }
    }

    /** Sends every due digest now; returns how many chats got a non-empty one. Called by each tick. */
    public int runDue() {
        Instant now = clock.instant();
        digests.scheduleUnscheduled(now);
        int sent = 0;
        for (long chatId : digests.dueChats(now)) {
            try {
                if (digests.sendScheduled(chatId, now) > 0) {
                    sent++;
                }
            } catch (RuntimeException e) {
                log.error("digest scheduler: digest for chat {} failed: {}", chatId, e.getMessage(), e);
            }
        }
        if (sent > 0) {
            log.info("digest scheduler: {} scheduled digests queued", sent);
        }
        return sent;
    }

    /** Stops ticking and waits for a running tick to finish. */
    @Override
    public synchronized void close() {
        if (ticking != null) {
            ticking.close();
            ticking = null;
        }
    }
}
