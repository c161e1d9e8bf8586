package kz.qazdigest.feed;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import kz.qazdigest.config.Settings;
import kz.qazdigest.schedule.QuartzTick;
import kz.qazdigest.store.FeedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz is the clock, the feeds table says what is due: a tick job (never two at once) every
 * {@code feeds.tickInterval} polls the due feeds on a small bounded pool. Quartz runs on RAMJobStore, so
 * nothing about schedules lives outside our tables.
 */
public final class PollScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

    private final FeedStore feeds;
    private final FeedPoller poller;
    private final Settings.Feeds settings;
    private final Clock clock;
    private final ExecutorService pool;
    private final ReentrantLock round = new ReentrantLock(); // a tick and an admin's /poll never overlap
    private final List<OtherSource> otherSources = new CopyOnWriteArrayList<>();
    private QuartzTick tick;

    /** Another kind of source polled in the same rounds as the RSS feeds (the gov.kz listing). */
    public interface OtherSource {
        /** Polls what is due; records failures itself and never throws. */
        void pollDue();

        /** Polls everything now (an admin's /poll). */
        void pollAll();
    }

    public PollScheduler(FeedStore feeds, FeedPoller poller, Settings.Feeds settings, Clock clock) {
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.poller = Objects.requireNonNull(poller, "poller");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.pollThreads(), r -> {
            Thread t = new Thread(r, "feed-poll-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts ticking: the first tick runs at once. */
    public synchronized void start() {
        if (tick != null) {
            throw new IllegalStateException("poll scheduler: already started");
        }
        tick = QuartzTick.start("poll-due-feeds", settings.tickInterval(), () -> {
            List<PollOutcome> outcomes = tick();
            if (!outcomes.isEmpty()) {
                log.debug("tick polled={} failed={}", outcomes.size(), outcomes.stream().filter(o -> !o.ok()).count());
            }
        });
    }

    /** One round: polls the feeds that are due now. What the Quartz tick runs; callable directly. */
    public List<PollOutcome> tick() {
        round.lock();
        try {
            List<PollOutcome> outcomes = poller.pollAll(feeds.due(clock.instant()), pool);
            otherSources.forEach(source -> runSafely(source::pollDue));
            return outcomes;
        } finally {
            round.unlock();
        }
    }

    /** An admin's /poll: every active RSS feed now, due or not. Waits for a running tick to finish first. */
    public List<PollOutcome> pollAllNow() {
        round.lock();
        try {
            List<PollOutcome> outcomes = poller.pollAll(feeds.active().stream().filter(f -> f.kind().equals("rss")).toList(), pool);
            otherSources.forEach(source -> runSafely(source::pollAll));
            return outcomes;
        } finally {
            round.unlock();
        }
    }

    /** Adds a source of another kind to every round (tick and /poll). */
    public void alsoPoll(OtherSource source) {
        otherSources.add(Objects.requireNonNull(source, "source"));
    }

    private static void runSafely(Runnable source) {
        try {
            source.run();
        } catch (RuntimeException e) { // one source's fault must not stop the rounds of the others
            log.warn("poll scheduler: another source failed: {}", e.toString());
        }
    }

    /** Stops ticking, waits for a running tick, then stops the pool. */
    @Override
    public synchronized void close() {
        if (tick != null) {
            tick.close();
            tick = null;
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
