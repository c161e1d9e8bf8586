package kz.qazdigest.feed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Flow;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import kz.qazdigest.config.Settings;

/**
 * HTTP GET for feeds (and, later, article pages) on the JDK client: conditional GET, gzip, redirects
 * followed by hand (so every hop is counted, checked for loops and offered to the hop policy), a body
 * size cap, and connect / read / total timeouts. Thread-safe; share one instance.
 */
public final class Fetcher {
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])(?:s-)?max-age\\s*=\\s*\"?(\\d+)");
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"),
            Map.entry(408, "Request Timeout"), Map.entry(410, "Gone"), Map.entry(429, "Too Many Requests"),
            Map.entry(451, "Unavailable For Legal Reasons"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"));

    private final Settings.Fetch settings;
    private final HttpClient client;
    private final Predicate<URI> defaultHopPolicy;

    public Fetcher(Settings.Fetch settings) {
        this(settings, uri -> true);
    }

    /** @param hopPolicy checked before the first request and before every redirect hop; false refuses the URL */
    public Fetcher(Settings.Fetch settings, Predicate<URI> hopPolicy) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.defaultHopPolicy = Objects.requireNonNull(hopPolicy, "hopPolicy");
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // by hand: counted, loop-checked, policy-checked
                .build();
    }

    /** Fetches {@code url}; etag / lastModified (nullable) make it a conditional GET that may answer 304. */
    public FetchResult fetch(URI url, String etag, String lastModified) throws FetchException {
        return fetch(url, etag, lastModified, defaultHopPolicy);
    }

    /** As {@link #fetch(URI, String, String)} with a per-call hop policy (the full-text fetcher's host rules). */
    public FetchResult fetch(URI url, String etag, String lastModified, Predicate<URI> hopPolicy) throws FetchException {
        Objects.requireNonNull(url, "url");
        long deadline = System.nanoTime() + settings.totalTimeout().toNanos();
        Set<URI> visited = new HashSet<>();
        URI current = url;
        for (int hop = 0; ; hop++) {
            checkUrl(current, hopPolicy);
            if (!visited.add(current)) {
                throw new FetchException("redirect loop at " + current, 0, url, null, null);
            }
            Exchange exchange = send(current, etag, lastModified, deadline);
            int status = exchange.response.statusCode();
            HttpHeaders headers = exchange.response.headers();
            if (isRedirect(status)) {
                exchange.body.cancel();
                String location = headers.firstValue("Location").orElse(null);
                if (location == null) {
                    throw new FetchException("HTTP " + status + " without a Location header", status, current, null, null);
                }
                if (hop >= settings.maxRedirects()) {
                    throw new FetchException("more than " + settings.maxRedirects() + " redirects", status, url, null, null);
                }
                try {
                    current = current.resolve(location.trim());
                } catch (IllegalArgumentException e) {
                    throw new FetchException("bad redirect Location '" + oneLine(location) + "'", status, current, null, e);
                }
                continue;
            }
            CacheHints hints = hints(headers);
            if (status == 304) {
                exchange.body.cancel();
                return new FetchResult(304, current, new byte[0], null, etag(headers, etag),
                        headers.firstValue("Last-Modified").orElse(lastModified), hints);
            }
            if (status < 200 || status > 299) {
                exchange.body.cancel();
                throw new FetchException("HTTP " + status + " " + REASONS.getOrDefault(status, "").trim(),
                        status, current, hints, null);
            }
            byte[] raw = exchange.body.readAll(current, settings.maxBodyBytes(), settings.readTimeout(), deadline);
            byte[] body = decode(raw, headers.firstValue("Content-Encoding").orElse(""), current);
            if (body.length == 0) {
                throw new FetchException("empty response body", status, current, hints, null);
            }
            return new FetchResult(status, current, body, headers.firstValue("Content-Type").orElse(null),
                    etag(headers, null), headers.firstValue("Last-Modified").orElse(null), hints);
        }
    }

    private record Exchange(HttpResponse<Flow.Publisher<java.util.List<java.nio.ByteBuffer>>> response, BodyCollector body) {}

    private Exchange send(URI uri, String etag, String lastModified, long deadline) throws FetchException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new FetchException("no answer within the total timeout of " + human(settings.totalTimeout()), uri);
        }
        // the request timeout covers the wait for the response headers; the body has its own clocks
        Duration headerWait = Duration.ofNanos(Math.min(remaining, settings.readTimeout().toNanos()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(headerWait)
                .header("User-Agent", settings.userAgent())
                .header("Accept", "application/rss+xml, application/atom+xml, application/rdf+xml, "
                        + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
                .header("Accept-Encoding", "gzip");
        if (etag != null && !etag.isBlank()) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null && !lastModified.isBlank()) {
            request.header("If-Modified-Since", lastModified);
        }
        try {
            HttpResponse<Flow.Publisher<java.util.List<java.nio.ByteBuffer>>> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofPublisher());
            BodyCollector collector = new BodyCollector();
            response.body().subscribe(collector);
            return new Exchange(response, collector);
        } catch (HttpConnectTimeoutException e) {
            throw new FetchException("cannot connect to " + authority(uri) + " within " + human(settings.connectTimeout()), 0, uri, null, e);
        } catch (HttpTimeoutException e) {
            throw new FetchException("no response from " + authority(uri) + " within " + human(headerWait), 0, uri, null, e);
        } catch (IOException e) {
            throw new FetchException("cannot fetch " + uri + ": " + describe(e), 0, uri, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while fetching " + uri, uri);
        }
    }

    private static void checkUrl(URI uri, Predicate<URI> policy) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("only http and https URLs are fetched, not '" + oneLine(uri.toString()) + "'", uri);
        }
        if (uri.getHost() == null) {
            throw new FetchException("URL without a host: " + oneLine(uri.toString()), uri);
        }
        if (!policy.test(uri)) {
            throw new FetchException("URL refused by the host policy: " + uri, uri);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private byte[] decode(byte[] raw, String contentEncoding, URI uri) throws FetchException {
        String encoding = contentEncoding.trim().toLowerCase(Locale.ROOT);
        if (encoding.isEmpty() || encoding.equals("identity")) {
            return raw;
        }
        if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
            throw new FetchException("unsupported Content-Encoding '" + oneLine(contentEncoding) + "'", uri);
        }
        // the cap applies to the inflated size as well: a small gzip bomb must not fill the heap
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 4);
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > settings.maxBodyBytes()) {
                    throw new FetchException("body exceeds " + settings.maxBodyBytes() + " bytes after gunzip", uri);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new FetchException("broken gzip body: " + describe(e), 0, uri, null, e);
        }
    }

    private static String etag(HttpHeaders headers, String fallback) {
        return headers.firstValue("ETag").orElse(fallback);
    }

    static CacheHints hints(HttpHeaders headers) {
        Duration maxAge = headers.firstValue("Cache-Control").map(v -> {
            Matcher m = MAX_AGE.matcher(v.toLowerCase(Locale.ROOT));
            return m.find() ? seconds(m.group(1)) : null;
        }).orElse(null);
        Instant expires = headers.firstValue("Expires").map(Fetcher::httpDate).orElse(null);
        Duration retryAfter = headers.firstValue("Retry-After").map(v -> {
            String value = v.trim();
            if (value.matches("\\d+")) {
                return seconds(value);
            }
            Instant at = httpDate(value);
            return at == null ? null : Duration.between(Instant.now(), at);
        }).filter(d -> !d.isNegative()).orElse(null);
        return new CacheHints(maxAge, expires, retryAfter, null);
    }

    private static Duration seconds(String digits) {
        try {
            return Duration.ofSeconds(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return null; // absurdly long: ignore the hint rather than trust it
        }
    }

    private static Instant httpDate(String value) {
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null; // "Expires: 0" and friends mean "already expired": no hint
        }
    }

    private static String authority(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /** A one-line description of an I/O failure; JDK exceptions often have a null or multi-line message. */
    static String describe(Throwable t) {
        Throwable root = t;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ConnectException) {
                return "connection refused";
            }
            if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
                return "unknown host";
            }
            root = c;
        }
        String message = root.getMessage() != null ? root.getMessage() : t.getMessage();
        return message == null ? root.getClass().getSimpleName() : oneLine(message);
    }

    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    static String oneLine(String s) {
        String line = s.replaceAll("[\\r\\n\\t]+", " ").trim();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
