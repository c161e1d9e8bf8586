package kz.qazdigest.fulltext;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kz.qazdigest.schedule.QuartzTick;

/**
 * The full-text job on its own Quartz tick, apart from feed polling: pages are paced per host (1/s by
 * default), so a 200-item teaser feed takes minutes, and that must not hold up the poll of other feeds.
 * What is pending lives in the items / article_pages tables, so a restart loses nothing.
 */
public final class FullTextScheduler implements AutoCloseable {

    private final FullTextProcessor processor;
    private final Duration tick;
    private final ExecutorService pool;
    private QuartzTick ticking;

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
        if (ticking != null) {
            throw new IllegalStateException("fulltext scheduler: already started");
        }
        ticking = QuartzTick.start("fulltext", tick, this::runOnce);
    }

    /** One round now (what the tick runs). */
    public FullTextProcessor.Round runOnce() {
        return processor.runOnce(pool);
    }

    @Override
    public synchronized void close() {
        if (ticking != null) {
            ticking.close();
            ticking = null;
        }
        pool.shutdownNow(); // waiting fetches are interrupted; their items stay pending for the next start
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
