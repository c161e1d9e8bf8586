package kz.qazdigest.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz is the clock, the database says what is due: a tick (RAMJobStore, never two at once) sends the
 * scheduled digest of every active subscriber whose next_digest_at has passed and moves it to the next slot
 * after now, so a downtime sends a missed digest once, not once per missed slot.
 */
public final class DigestScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);
    private static final String SELF = "digestScheduler";

    private final DigestService digests;
    private final Clock clock;
    private final Duration tick;
    private Scheduler quartz;

    public DigestScheduler(DigestService digests, Clock clock, Duration tick) {
        this.digests = digests;
        this.clock = clock;
        this.tick = tick;
    }

    public synchronized void start() {
        if (quartz != null) {
            return;
        }
        Properties props = new Properties();
        props.setProperty("org.quartz.scheduler.instanceName", "qazdigest-digests-" + System.identityHashCode(this));
        props.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        props.setProperty("org.quartz.threadPool.threadCount", "1");
        props.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        props.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        try {
            quartz = new StdSchedulerFactory(props).getScheduler();
            quartz.getContext().put(SELF, this);
            quartz.scheduleJob(JobBuilder.newJob(Tick.class).withIdentity("digests-due").build(),
                    TriggerBuilder.newTrigger().withIdentity("digests-due-tick").startNow()
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                    .withIntervalInMilliseconds(tick.toMillis()).repeatForever()
                                    .withMisfireHandlingInstructionNextWithRemainingCount())
                            .build());
            quartz.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("digest scheduler: cannot start Quartz: " + e.getMessage(), e);
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
        if (quartz == null) {
            return;
        }
        try {
            quartz.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("digest scheduler: shutdown failed: {}", e.getMessage());
        }
        quartz = null;
    }

    /** The Quartz job: one tick; never two at once. */
    @DisallowConcurrentExecution
    public static final class Tick implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            try {
                ((DigestScheduler) context.getScheduler().getContext().get(SELF)).runDue();
            } catch (SchedulerException | RuntimeException e) {
                log.error("digest scheduler: tick failed: {}", e.getMessage(), e);
            }
        }
    }
}
