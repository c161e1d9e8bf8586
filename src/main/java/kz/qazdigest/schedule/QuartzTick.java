package kz.qazdigest.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Quartz as the clock: one job that runs a round every {@code interval} (the first at once), never two at
 * once, on a RAMJobStore (Quartz has no SQLite job store; what is due lives in our own tables). A slow round
 * skips the ticks it missed instead of piling them up. Each tick has its own scheduler: Quartz keys
 * schedulers by name in a JVM-wide repository.
 */
public final class QuartzTick implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QuartzTick.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final String name;
    private Scheduler scheduler;

    private QuartzTick(String name, Scheduler scheduler) {
        this.name = name;
        this.scheduler = scheduler;
    }

    /** Starts ticking {@code round} every {@code interval}; a round's exception is logged and the next tick runs. */
    public static QuartzTick start(String name, Duration interval, Runnable round) {
        Objects.requireNonNull(round, "round");
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "qazdigest-" + name + "-" + INSTANCES.incrementAndGet());
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", "1"); // the tick only; the work has its own pools
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        try {
            Scheduler s = new StdSchedulerFactory(p).getScheduler();
            s.setJobFactory((bundle, sched) -> new RoundJob(name, round));
            s.scheduleJob(JobBuilder.newJob(RoundJob.class).withIdentity(name + "-round").build(),
                    TriggerBuilder.newTrigger().withIdentity(name + "-tick").startNow()
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                    .withIntervalInMilliseconds(interval.toMillis())
                                    .repeatForever()
                                    .withMisfireHandlingInstructionNextWithRemainingCount())
                            .build());
            s.start();
            return new QuartzTick(name, s);
        } catch (SchedulerException e) {
            throw new IllegalStateException(name + ": cannot start Quartz: " + e.getMessage(), e);
        }
    }

    /** Stops ticking and waits for a running round to finish. */
    @Override
    public synchronized void close() {
        if (scheduler == null) {
            return;
        }
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("{}: Quartz shutdown failed: {}", name, e.getMessage());
        }
        scheduler = null;
    }

    @DisallowConcurrentExecution
    static final class RoundJob implements Job {
        private final String name;
        private final Runnable round;

        RoundJob(String name, Runnable round) {
            this.name = name;
            this.round = round;
        }

        @Override
        public void execute(JobExecutionContext context) {
            try {
                round.run();
            } catch (RuntimeException e) { // e.g. the database closed under us; the next tick tries again
                log.warn("{}: round failed: {}", name, e.toString());
            }
        }
    }
}
