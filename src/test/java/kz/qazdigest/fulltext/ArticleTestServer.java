package kz.qazdigest.fulltext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A site on 127.0.0.1 for full-text tests: routes by path, every request logged with its arrival time
 * (System.nanoTime) so tests can count requests per window; "slow" routes hold their answer until closed.
 */
final class ArticleTestServer implements AutoCloseable {
    interface Route {
        void handle(HttpExchange exchange) throws IOException;
    }

    record Hit(String path, long nanos) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    ArticleTestServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    URI url(String path) {
        return URI.create(base() + path);
    }

    int port() {
        return server.getAddress().getPort();
    }

    void route(String path, Route route) {
        routes.put(path, route);
    }

    void html(String path, String html) {
        route(path, ex -> send(ex, 200, "text/html; charset=utf-8", html));
    }

    void status(String path, int status) {
        route(path, ex -> send(ex, status, "text/html; charset=utf-8", "<html><body><h1>" + status + "</h1></body></html>"));
    }

    void redirect(String path, String location) {
        route(path, ex -> {
            ex.getResponseHeaders().add("Location", location);
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
    }

    /** Answers only when the server closes: past any read timeout. */
    void slow(String path) {
        route(path, ex -> {
            try {
                closing.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
    }

    List<Hit> hits() {
        return List.copyOf(hits);
    }

    long hits(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).count();
    }

    static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void dispatch(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        hits.add(new Hit(path, System.nanoTime()));
        Route route = routes.get(path);
        if (route == null) {
            send(ex, 404, "text/plain", "no route " + path);
            return;
        }
        try {
            route.handle(ex);
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
