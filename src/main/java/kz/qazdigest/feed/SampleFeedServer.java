package kz.qazdigest.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kz.qazdigest.store.FeedOutline;

/**
 * Serves the {@link SampleFeeds} on 127.0.0.1 (a free port) with fresh dates and ETags, so that the
 * offline demos (poll-once with its samples option, the console) run the real fetch path.
 */
public final class SampleFeedServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;

    private SampleFeedServer(Clock clock) throws IOException {
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "sample-feeds");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/sample-feeds/", this::serve);
        server.start();
    }

    public static SampleFeedServer start(Clock clock) {
        try {
            return new SampleFeedServer(clock);
        } catch (IOException e) {
            throw new UncheckedIOException("sample feeds: cannot listen on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    public URI url(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sample-feeds/" + name);
    }

    /** One outline per sample feed, ready for {@code FeedStore.importOutlines}. */
    public List<FeedOutline> outlines() {
        return SampleFeeds.all().stream()
                .map(s -> new FeedOutline(url(s.name()).toString(), "rss", s.title(), s.lang(), "never", null))
                .toList();
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String name = ex.getRequestURI().getPath().substring("/sample-feeds/".length());
            if (SampleFeeds.all().stream().noneMatch(s -> s.name().equals(name))) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = SampleFeeds.render(name, clock);
            String etag = "\"" + Integer.toHexString(Arrays.hashCode(body)) + "\"";
            ex.getResponseHeaders().add("ETag", etag);
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=UTF-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
