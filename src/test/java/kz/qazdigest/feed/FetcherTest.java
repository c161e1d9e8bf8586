package kz.qazdigest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import kz.qazdigest.testing.TestSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FetcherTest {
    static FeedTestServer server;
    final Fetcher fetcher = new Fetcher(TestSettings.fetch());

    @BeforeAll
    static void startServer() {
        server = FeedTestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void fetchesAFeedWithValidatorsAndUserAgent() throws Exception {
        FetchResult r = fetcher.fetch(server.url("rss2"), null, null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.notModified()).isFalse();
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("Kazinform");
        assertThat(r.contentType()).startsWith("application/rss+xml");
        assertThat(r.etag()).startsWith("\"");
        assertThat(r.lastModified()).isEqualTo("Tue, 25 Nov 2025 05:15:00 GMT");
        assertThat(server.lastHeader("rss2", "User-Agent")).isEqualTo("qazdigest-test/0.1 (+tests)");
        assertThat(server.lastHeader("rss2", "Accept-Encoding")).isEqualTo("gzip");
    }

    @Test
    void conditionalGetAnswersNotModifiedWithoutABody() throws Exception {
        FetchResult first = fetcher.fetch(server.url("rss2"), null, null);
        FetchResult second = fetcher.fetch(server.url("rss2"), first.etag(), first.lastModified());

        assertThat(server.lastHeader("rss2", "If-None-Match")).isEqualTo(first.etag());
        assertThat(server.lastHeader("rss2", "If-Modified-Since")).isEqualTo(first.lastModified());
        assertThat(second.notModified()).isTrue();
        assertThat(second.body()).isEmpty();
        assertThat(second.etag()).isEqualTo(first.etag());
    }

    @Test
    void decodesGzip() throws Exception {
        FetchResult r = fetcher.fetch(server.url("gzip"), null, null);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).startsWith("<?xml").contains("Катар");
    }

    @Test
    void capsTheInflatedSizeOfAGzipBomb() {
        assertThatThrownBy(() -> fetcher.fetch(server.url("gzip-bomb"), null, null))
                .isInstanceOf(FetchException.class)
                .hasMessage("fetcher: body exceeds " + TestSettings.MAX_BODY + " bytes after gunzip");
    }

    @Test
    void followsRedirectsAndReportsTheFinalUrl() throws Exception {
        FetchResult r = fetcher.fetch(server.url("redirect"), null, null);
        assertThat(r.finalUrl()).isEqualTo(server.url("rss2"));
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void detectsARedirectLoop() {
        assertThatThrownBy(() -> fetcher.fetch(server.url("loop-a"), null, null))
                .isInstanceOf(FetchException.class)
                .hasMessage("fetcher: redirect loop at " + server.url("loop-a"));
    }

    @Test
    void stopsAfterMaxRedirects() {
        assertThatThrownBy(() -> fetcher.fetch(server.url("chain-0"), null, null))
                .isInstanceOf(FetchException.class)
                .hasMessage("fetcher: more than 5 redirects");
        assertThat(server.hits("chain-6")).isZero();
    }

    @Test
    void refusesRedirectsToOtherSchemes() {
        assertThatThrownBy(() -> fetcher.fetch(server.url("redirect-ftp"), null, null))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("fetcher: only http and https URLs are fetched");
    }

    @Test
    void appliesTheHopPolicyToEveryRedirectHop() {
        int before = server.hits("redirect-2");
        Fetcher guarded = new Fetcher(TestSettings.fetch(), uri -> !uri.getPath().equals("/redirect-2"));
        assertThatThrownBy(() -> guarded.fetch(server.url("redirect"), null, null))
                .isInstanceOf(FetchException.class)
                .hasMessage("fetcher: URL refused by the host policy: " + server.url("redirect-2"));
        assertThat(server.hits("redirect-2")).isEqualTo(before);
    }

    @Test
    void httpErrorsCarryStatusAndUrl() {
        assertThatThrownBy(() -> fetcher.fetch(server.url("status-404"), null, null))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("fetcher: HTTP 404 Not Found");
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.url()).isEqualTo(server.url("status-404"));
                });
        assertThatThrownBy(() -> fetcher.fetch(server.url("status-500"), null, null))
                .hasMessage("fetcher: HTTP 500 Internal Server Error");
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        assertThatThrownBy(() -> fetcher.fetch(server.url("status-429"), null, null))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.hints().retryAfter()).isEqualTo(Duration.ofHours(2));
                });
    }

    @Test
    void readsCacheControlMaxAge() throws Exception {
        assertThat(fetcher.fetch(server.url("cache-max-age"), null, null).cacheHints().maxAge()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aSilentServerTimesOut() {
        assertThatThrownBy(() -> fetcher.fetch(server.url("slow"), null, null))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.getMessage()).startsWith("fetcher: no response from 127.0.0.1:").endsWith("within 700ms");
                    assertThat(e.status()).isZero();
                });
    }

    @Test
    void anEndlessBodyIsCutAtTheSizeCap() {
        assertThatThrownBy(() -> fetcher.fetch(server.url("endless"), null, null))
                .isInstanceOf(FetchException.class)
                .hasMessage("fetcher: body exceeds " + TestSettings.MAX_BODY + " bytes");
    }

    @Test
    void aRefusedConnectionIsOneCleanLine() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there now
        }
        URI url = URI.create("http://127.0.0.1:" + port + "/feed.xml");
        assertThatThrownBy(() -> fetcher.fetch(url, null, null))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("fetcher: cannot fetch " + url + ": connection refused");
                    assertThat(e.status()).isZero();
                });
    }
}
