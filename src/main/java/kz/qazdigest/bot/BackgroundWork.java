package kz.qazdigest.bot;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long work (/poll, /broadcast, /digest, /addfeed) runs here, off the update thread, so other chats keep
 * getting answers. Bounded: a few threads and a short queue; when full the user is told to try later.
 */
final class BackgroundWork implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);

    private final ThreadPoolExecutor executor;
    private final Object idle = new Object();
    private int inFlight;

    BackgroundWork(int threads, int queued) {
        AtomicInteger n = new AtomicInteger();
        executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queued), r -> {
            Thread t = new Thread(r, "bot-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code job} in the background; if it throws, the user gets an apology. Returns false when the
     * queue is full (the caller answers "busy").
     */
    boolean submit(Request request, String what, Runnable job) {
        synchronized (idle) {
            inFlight++;
        }
        try {
            executor.execute(() -> {
                try {
                    job.run();
                } catch (RuntimeException e) {
                    log.error("bot: {} failed chat_id={} user_id={}", what, request.chatId(), request.userId(), e);
                    request.reply("error.apology");
                } finally {
                    done();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            done();
            log.warn("bot: background queue full, {} refused chat_id={}", what, request.chatId());
            return false;
        }
    }

    private void done() {
        synchronized (idle) {
            inFlight--;
            idle.notifyAll();
        }
    }

    /** Waits until no background job is queued or running (the console waits for this at end of input). */
    boolean awaitIdle(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (idle) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(idle, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("bot: background work still running at shutdown; interrupting");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
