package kz.qazdigest.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A local feed server on 127.0.0.1 with named routes, one per real-world quirk (jsoup's TestServer is the
 * model). Every fixture route honours If-None-Match with a 304; every request is counted per route.
 */
final class FeedTestServer implements AutoCloseable {
    interface Route {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> lastHeaders = new ConcurrentHashMap<>();
    private final Map<String, String> vars = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private FeedTestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        vars.put("base", "http://127.0.0.1:" + server.getAddress().getPort());
        standardRoutes();
        server.start();
    }

    static FeedTestServer start() {
        try {
            return new FeedTestServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url(String route) {
        return URI.create(vars.get("base") + "/" + route);
    }

    int hits(String route) {
        AtomicInteger n = hits.get(route);
        return n == null ? 0 : n.get();
    }

    /** A request header of the last request to {@code route} (lowercase name), or null. */
    String lastHeader(String route, String name) {
        Map<String, String> headers = lastHeaders.get(route);
        return headers == null ? null : headers.get(name.toLowerCase());
    }

    /** Sets a ${name} variable substituted into fixtures served with {@link #template}. */
    void set(String name, String value) {
        vars.put(name, value);
    }

    void route(String name, Route route) {
        routes.put(name, route);
    }

    private void standardRoutes() {
        fixture("rss2", "rss2-kazinform-ru.xml", "application/rss+xml; charset=UTF-8");
        fixture("atom", "atom-astanatimes.xml", "application/atom+xml");
        fixture("atom-updated-only", "atom-updated-only.xml", "application/atom+xml");
        fixture("rss1", "rss1-rdf-egemen.xml", "application/rdf+xml");
        fixture("win1251", "win1251-tengrinews.xml", "application/rss+xml; charset=windows-1251");
        fixture("wrong-charset", "wrong-charset-declared-utf8.xml", "text/xml");
        fixture("malformed", "malformed-unclosed.xml", "application/rss+xml");
        fixture("no-guids-no-dates", "no-guids-no-dates.xml", "application/rss+xml");
        fixture("tracking", "tracking-params-twice.xml", "application/rss+xml");
        fixture("same-story", "same-story-other-feed.xml", "application/rss+xml");
        route("xxe", ex -> send(ex, 200, "application/rss+xml", template(fixture("xxe-canary.xml"))));
        route("canary", ex -> send(ex, 200, "text/plain", "CANARY-SHOULD-NEVER-BE-READ".getBytes(StandardCharsets.UTF_8)));
        route("status-500", ex -> send(ex, 500, "text/html", fixture("status-500.html")));
        route("status-404", ex -> send(ex, 404, "text/html", "<html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8)));
        route("status-429", ex -> {
            ex.getResponseHeaders().add("Retry-After", "7200");
            send(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
        });
        route("cache-max-age", ex -> {
            ex.getResponseHeaders().add("Cache-Control", "public, max-age=3600");
            serveFixture(ex, "rss2-kazinform-ru.xml", "application/rss+xml");
        });
        route("slow", ex -> { // answers nothing until the server closes: past any read timeout
            awaitClose();
            send(ex, 200, "application/rss+xml", fixture("rss2-kazinform-ru.xml"));
        });
        route("endless", ex -> { // a body that never ends; the client must cut it off at the size cap
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, 0);
            byte[] chunk = "<item><title>spam</title></item>\n".repeat(2000).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
                while (closing.getCount() > 0) {
                    out.write(chunk);
                }
            } catch (IOException clientHungUp) {
                // what we expect
            }
        });
        route("gzip", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            send(ex, 200, "application/rss+xml", gzip(fixture("rss2-kazinform-ru.xml")));
        });
        route("gzip-bomb", ex -> { // 64 MiB of zeros in about 64 KiB
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 64; i++) {
                    gz.write(zeros);
                }
            }
            send(ex, 200, "application/rss+xml", out.toByteArray());
        });
        route("redirect", ex -> redirect(ex, 301, "/redirect-2"));
        route("redirect-2", ex -> redirect(ex, 302, "rss2"));
        route("loop-a", ex -> redirect(ex, 302, "/loop-b"));
        route("loop-b", ex -> redirect(ex, 307, "/loop-a"));
        route("redirect-ftp", ex -> redirect(ex, 302, "ftp://127.0.0.1/feed.xml"));
        for (int i = 0; i < 8; i++) { // a redirect chain longer than the limit, without a loop
            int next = i + 1;
            route("chain-" + i, ex -> redirect(ex, 302, "/chain-" + next));
        }
        fixture("chain-8", "rss2-kazinform-ru.xml", "application/rss+xml");
    }

    private void fixture(String route, String file, String contentType) {
        route(route, ex -> serveFixture(ex, file, contentType));
    }

    private static void serveFixture(HttpExchange ex, String file, String contentType) throws IOException {
        byte[] body = fixture(file);
        String etag = "\"" + Integer.toHexString(Arrays.hashCode(body)) + "\"";
        ex.getResponseHeaders().add("ETag", etag);
        ex.getResponseHeaders().add("Last-Modified", "Tue, 25 Nov 2025 05:15:00 GMT");
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            ex.close();
            return;
        }
        send(ex, 200, contentType, body);
    }

    static byte[] fixture(String file) {
        try (InputStream in = FeedTestServer.class.getResourceAsStream("/feeds/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture feeds/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] template(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> v : new HashMap<>(vars).entrySet()) {
            text = text.replace("${" + v.getKey() + "}", v.getValue());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void redirect(HttpExchange ex, int status, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        }
        return out.toByteArray();
    }

    private void awaitClose() {
        try {
            closing.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch(HttpExchange ex) throws IOException {
        String name = ex.getRequestURI().getPath().substring(1);
        hits.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        Map<String, String> headers = new HashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
        lastHeaders.put(name, headers);
        Route route = routes.get(name);
        try {
            if (route == null) {
                send(ex, 404, "text/plain", ("no route " + name).getBytes(StandardCharsets.UTF_8));
            } else {
                route.handle(ex);
            }
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
