package kz.qazdigest.fulltext;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * The full-text job on its own Quartz tick, apart from feed polling: pages are paced per host (1/s by
 * default), so a 200-item teaser feed takes minutes, and that must not hold up the poll of other feeds.
 * What is pending lives in the items / article_pages tables, so a restart loses nothing.
 */
public final class FullTextScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FullTextScheduler.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final FullTextProcessor processor;
    private final Duration tick;
    private final ExecutorService pool;
    private Scheduler scheduler;

    /** @param threads pages fetched at once (different hosts proceed in parallel; one host is paced) */
    public FullTextScheduler(FullTextProcessor processor, Duration tick, int threads) {
        this.processor = Objects.requireNonNull(processor, "processor");
        this.tick = Objects.requireNonNull(tick, "tick");
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fulltext-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException("fulltext scheduler: already started");
        }
        try {
            Properties p = new Properties();
            p.setProperty("org.quartz.scheduler.instanceName", "qazdigest-fulltext-" + INSTANCES.incrementAndGet());
            p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
            p.setProperty("org.quartz.threadPool.threadCount", "1");
            p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
            p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            Scheduler s = new StdSchedulerFactory(p).getScheduler();
            s.setJobFactory((bundle, sched) -> new RoundJob(this));
            s.scheduleJob(JobBuilder.newJob(RoundJob.class).withIdentity("fulltext-round").build(),
                    TriggerBuilder.newTrigger().withIdentity("fulltext-tick").startNow()
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                    .withIntervalInMilliseconds(tick.toMillis()).repeatForever()
                                    .withMisfireHandlingInstructionNextWithRemainingCount())
                            .build());
            s.start();
            scheduler = s;
        } catch (SchedulerException e) {
            throw new IllegalStateException("fulltext scheduler: cannot start Quartz: " + e.getMessage(), e);
        }
    }

    /** One round now (what the tick runs). */
    public FullTextProcessor.Round runOnce() {
        return processor.runOnce(pool);
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            try {
                scheduler.shutdown(true);
            } catch (SchedulerException e) {
                log.warn("fulltext scheduler: Quartz shutdown failed: {}", e.getMessage());
            }
            scheduler = null;
        }
        pool.shutdownNow(); // waiting fetches are interrupted; their items stay pending for the next start
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @DisallowConcurrentExecution
    static final class RoundJob implements Job {
        private final FullTextScheduler owner;

        RoundJob(FullTextScheduler owner) {
            this.owner = owner;
        }

        @Override
        public void execute(JobExecutionContext context) {
            try {
                owner.runOnce();
            } catch (RuntimeException e) { // e.g. the database closed under us; the next tick tries again
                log.warn("fulltext scheduler: round failed: {}", e.getMessage());
            }
        }
    }
}
