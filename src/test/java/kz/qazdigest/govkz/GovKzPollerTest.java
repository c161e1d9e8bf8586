package kz.qazdigest.govkz;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import kz.qazdigest.config.Settings;
import kz.qazdigest.feed.Fetcher;
import kz.qazdigest.store.Database;
import kz.qazdigest.store.Feed;
import kz.qazdigest.store.FeedOutline;
import kz.qazdigest.store.FeedStore;
import kz.qazdigest.store.Item;
import kz.qazdigest.store.ItemStore;
import kz.qazdigest.testing.TestSettings;
import kz.qazdigest.text.Analysis;
import kz.qazdigest.topic.TopicMatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gov.kz source against a local stand-in of the API: answers by Accept-Language, or refuses. */
class GovKzPollerTest {
    private static final Settings.Fetch FETCH = TestSettings.fetch(Duration.ofSeconds(2), 1024 * 1024);
    private static final Settings.Feeds FEEDS = TestSettings.feeds(Duration.ofMinutes(10), Duration.ofSeconds(30));

    @TempDir
    Path dir;
    private HttpServer server;
    private final Map<String, String> acceptLanguages = new ConcurrentHashMap<>();
    private volatile String mode = "json";
    private final List<Item> announced = new CopyOnWriteArrayList<>();
    private Database db;
    private FeedStore feeds;
    private ItemStore items;
    private GovKzPoller poller;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext(GovKzListing.PATH, ex -> {
            String lang = ex.getRequestHeaders().getFirst("Accept-Language");
            acceptLanguages.put(lang, ex.getRequestHeaders().getFirst("Accept"));
            byte[] body;
            int status = 200;
            String type = "application/json;charset=UTF-8";
            switch (mode) {
                case "json" -> body = GovKzParserTest.fixture("mfa-news." + lang + ".json");
                case "challenge" -> {
                    body = GovKzParserTest.fixture("refused-challenge.html");
                    type = "text/html; charset=utf-8";
                }
                default -> {
                    body = GovKzParserTest.fixture("refused-403.json");
                    status = 403;
                }
            }
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        db = Database.open(dir.resolve("q.db"));
        Clock clock = Clock.fixed(Instant.parse("2025-12-09T06:00:00Z"), java.time.ZoneOffset.UTC);
        feeds = new FeedStore(db, clock);
        items = new ItemStore(db, clock);
        poller = new GovKzPoller(new Fetcher(FETCH), (title, body) -> new Analysis("other",
                body.contains("Испания") || body.contains("Spain") ? List.of(new TopicMatch("spain", List.of("Spain"))) : List.of(),
                body.lines().findFirst().orElse("")), feeds, items, FEEDS, clock, announced::addAll);
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + GovKzListing.PATH
                + "?projects=eq:mfa&sort-by=created_date:DESC";
        feeds.importOutlines(List.of(new FeedOutline(url, "govkz", "MFA (gov.kz)", "kk,ru,en", null, null)));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        db.close();
    }

    private Feed feed() {
        return feeds.active().get(0);
    }

    @Test
    void ingestsEveryLanguageAsOneStoryPerId() {
        assertThat(feeds.dueOfKind("govkz", Instant.parse("2025-12-09T06:00:00Z"))).hasSize(1);
        assertThat(feeds.due(Instant.parse("2025-12-09T06:00:00Z"))).as("the RSS poller skips it").isEmpty();

        GovKzPoller.Outcome outcome = poller.pollDue().get(0);

        assertThat(outcome.ok()).isTrue();
        assertThat(outcome.newItems()).hasSize(6);
        assertThat(acceptLanguages).containsOnlyKeys("kk", "ru", "en").containsValue("application/json");
        assertThat(outcome.newItems()).filteredOn(i -> i.guid().startsWith("govkz:mfa:1098765:"))
                .extracting(Item::lang).containsExactlyInAnyOrder("kk", "ru", "en");
        assertThat(outcome.newItems()).filteredOn(i -> i.lang().equals("en")).first().satisfies(i -> {
            assertThat(i.link()).endsWith("/memleket/entities/mfa/press/news/details/1098765?lang=en");
            assertThat(i.hasTopic("spain")).isTrue();
        });
        List<String> storyKeys = db.read(c -> {
            try (var st = c.prepareStatement("SELECT DISTINCT story_key FROM items ORDER BY story_key");
                 var rs = st.executeQuery()) {
                List<String> keys = new java.util.ArrayList<>();
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
                return keys;
            }
        });
        assertThat(storyKeys).containsExactly("govkz:mfa:1098700", "govkz:mfa:1098765");
        assertThat(announced).hasSize(6);
        assertThat(feed().lastError()).isNull();
        assertThat(feed().lastStatus()).isEqualTo(200);
        assertThat(poller.poll(feed()).newItems()).as("a second poll stores nothing twice").isEmpty();
    }

    @Test
    void anHtmlChallengeIsAVisibleFailureNotAnEmptyListing() {
        mode = "challenge";
        GovKzPoller.Outcome outcome = poller.poll(feed());
        assertThat(outcome.ok()).isFalse();
        assertThat(feed().lastError()).startsWith("[kk] govkz: the news API answered an HTML page instead of JSON")
                .contains("[ru]", "[en]");
        assertThat(feed().failures()).isEqualTo(1);
        assertThat(items.count()).isZero();
    }

    @Test
    void a403IsAVisibleRefusal() {
        mode = "forbidden";
        poller.poll(feed());
        assertThat(feed().lastError()).contains("govkz: the news API refused a plain request (HTTP 403 Forbidden)");
        assertThat(feed().lastStatus()).isEqualTo(403);
    }

    @Test
    void languagesOfTheOutline() {
        assertThat(GovKzPoller.languages(null)).containsExactly("kk", "ru", "en");
        assertThat(GovKzPoller.languages("ru")).containsExactly("ru");
        assertThat(GovKzPoller.languages("EN, kk")).containsExactly("en", "kk");
        assertThat(GovKzPoller.languages("de")).containsExactly("kk", "ru", "en");
    }
}
