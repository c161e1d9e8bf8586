package kz.qazdigest.feed;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a response body one chunk at a time, so that a silent server (read timeout), a slow one (total
 * deadline) or an endless one (size cap) is cut off without buffering more than the cap. The JDK's own
 * body handlers can do none of the three.
 */
final class BodyCollector implements Flow.Subscriber<List<ByteBuffer>> {
    private static final Object END = new Object();

    private final BlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        chunks.add(item);
    }

    @Override
    public void onError(Throwable t) {
        chunks.add(t);
    }

    @Override
    public void onComplete() {
        chunks.add(END);
    }

    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    /** Waits for the whole body; throws past {@code maxBytes}, after {@code readTimeout} of silence or at the deadline. */
    byte[] readAll(URI url, long maxBytes, Duration readTimeout, long deadlineNanos) throws FetchException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long total = 0;
        try {
            while (true) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    throw new FetchException("body not complete within the total timeout", url);
                }
                long wait = Math.min(remaining, readTimeout.toNanos());
                Object next = chunks.poll(wait, TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new FetchException(remaining <= readTimeout.toNanos()
                            ? "body not complete within the total timeout"
                            : "no data for " + Fetcher.human(readTimeout) + " while reading the body", url);
                }
                if (next == END) {
                    return out.toByteArray();
                }
                if (next instanceof Throwable t) {
                    throw new FetchException("connection failed while reading the body: " + Fetcher.describe(t), 0, url, null, t);
                }
                @SuppressWarnings("unchecked")
                List<ByteBuffer> buffers = (List<ByteBuffer>) next;
                for (ByteBuffer b : buffers) {
                    total += b.remaining();
                    if (total > maxBytes) {
                        throw new FetchException("body exceeds " + maxBytes + " bytes", url);
                    }
                    byte[] bytes = new byte[b.remaining()];
                    b.get(bytes);
                    out.write(bytes, 0, bytes.length);
                }
                subscription.request(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while reading the body", url);
        } catch (FetchException e) {
            cancel();
            throw e;
        }
    }
}
