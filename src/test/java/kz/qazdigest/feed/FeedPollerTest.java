package kz.qazdigest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.qazdigest.store.Database;
import kz.qazdigest.store.Feed;
import kz.qazdigest.store.FeedOutline;
import kz.qazdigest.store.FeedStore;
import kz.qazdigest.store.Item;
import kz.qazdigest.store.ItemStore;
import kz.qazdigest.testing.MutableClock;
import kz.qazdigest.testing.TestSettings;
import kz.qazdigest.topic.TopicMatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One tick over every quirk route at once: what each feed stored, what its health says, and that no
 * feed's failure touched the others. Then a second tick: conditional GETs answered by 304, backoff.
 */
class FeedPollerTest {
    static final Instant T0 = Instant.parse("2025-11-25T06:00:00Z");
    static final Duration INTERVAL = Duration.ofMinutes(10);

    @TempDir
    Path dir;
    FeedTestServer server;
    Database db;
    FeedStore feeds;
    ItemStore items;
    MutableClock clock;
    PollScheduler scheduler;
    String secret;
    final List<Item> announced = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        server = FeedTestServer.start();
        secret = "TOP-SECRET-" + UUID.randomUUID();
        Path secretFile = dir.resolve("secret.txt");
        Files.writeString(secretFile, secret);
        server.set("secretFile", secretFile.toAbsolutePath().toString());
        db = Database.open(dir.resolve("q.db"));
        clock = new MutableClock(T0);
        feeds = new FeedStore(db, clock);
        items = new ItemStore(db, clock);
        FeedPoller poller = new FeedPoller(new Fetcher(TestSettings.fetch()), new FeedParser(), TestSettings.qatarAnalyzer(),
                feeds, items, TestSettings.feeds(INTERVAL, Duration.ofSeconds(1)), clock, announced::addAll);
        scheduler = new PollScheduler(feeds, poller, TestSettings.feeds(INTERVAL, Duration.ofSeconds(1)), clock);
    }

    @AfterEach
    void tearDown() {
        scheduler.close();
        db.close();
        server.close();
    }

    Map<String, PollOutcome> tick(List<String> routes) throws IOException {
        return byRoute(scheduler.tick());
    }

    static Map<String, PollOutcome> byRoute(List<PollOutcome> outcomes) {
        return outcomes.stream().collect(Collectors.toMap(o -> o.feed().url().replaceAll(".*/", ""), Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
    }

    void add(List<String> routes) throws IOException {
        List<FeedOutline> outlines = new ArrayList<>();
        for (String route : routes) {
            outlines.add(new FeedOutline(server.url(route).toString(), "rss", null, "ru", null, null));
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        outlines.add(new FeedOutline("http://127.0.0.1:" + closedPort + "/refused", "rss", null, null, null, null));
        feeds.importOutlines(outlines);
    }

    Feed feed(String route) {
        return feeds.active().stream().filter(f -> f.url().endsWith("/" + route)).findFirst().orElseThrow();
    }

    @Test
    void everyQuirkInOneTickLeavesTheOthersUnaffected() throws Exception {
        List<String> routes = List.of("rss2", "gzip", "atom", "rss1", "win1251", "wrong-charset", "malformed", "xxe",
                "no-guids-no-dates", "tracking", "same-story", "status-500", "status-404", "status-429", "slow",
                "endless", "loop-a");
        add(routes);

        Map<String, PollOutcome> out = byRoute(scheduler.tick());

        assertThat(out).hasSize(routes.size() + 1);
        // the good feeds
        assertThat(out.get("rss2").result()).isEqualTo(PollOutcome.Result.UPDATED);
        assertThat(out.get("gzip").entries()).isEqualTo(3);
        assertThat(out.get("rss2").newItems().size() + out.get("gzip").newItems().size()).isEqualTo(3); // one story, one row
        assertThat(out.get("atom").newItems()).extracting(Item::title).containsExactly(
                "Kazakhstan, China Sign Agreements on Middle Corridor Logistics", "Kazakh FM Meets UN Secretary-General in New York");
        assertThat(out.get("rss1").newItems()).hasSize(2);
        assertThat(out.get("win1251").newItems()).extracting(Item::title)
                .contains("Казахстан и Россия подписали соглашение о перевозках через границу");
        assertThat(out.get("wrong-charset").newItems()).extracting(Item::title)
                .contains("Послы стран ЕС встретились с бизнесом Алматы");
        assertThat(out.get("no-guids-no-dates").newItems()).hasSize(3).allSatisfy(i -> {
            assertThat(i.publishedAt()).isEqualTo(T0); // no usable date: the fetch time
            assertThat(i.guid()).isEqualTo(i.link());
        });
        // the flights story: twice in "tracking" (utm / fbclid links), once more in "same-story"; stored once,
        // by whichever of the two feeds the pool ran first
        assertThat(out.get("tracking").entries()).isEqualTo(2);
        assertThat(out.get("tracking").newItems().size() + out.get("same-story").newItems().size()).isEqualTo(2);
        assertThat(countWhere("canonical_url = 'https://en.inform.kz/news/kazakhstan-and-qatar-agree-to-expand-direct-flights-4a1b2c'"))
                .isEqualTo(1);
        assertThat(countWhere("title LIKE 'Kazakhstan, Türkiye%'")).isEqualTo(1);

        // topics from the analyser are stored with the words that matched
        Item qatar = items.recentByTopics(List.of("qatar"), T0.minus(Duration.ofDays(30)), 10).stream()
                .filter(i -> i.title().startsWith("Токаев")).findFirst().orElseThrow();
        assertThat(qatar.topics()).containsExactly(new TopicMatch("qatar", List.of("Катар")));
        assertThat(qatar.lang()).isEqualTo("ru"); // the analyser said "other": the feed's language
        assertThat(qatar.summary()).startsWith("Фото: Акорда");

        // health of the good feeds
        Feed rss2 = feed("rss2");
        assertThat(rss2.lastStatus()).isEqualTo(200);
        assertThat(rss2.lastError()).isNull();
        assertThat(rss2.failures()).isZero();
        assertThat(rss2.etag()).isNotBlank();
        assertThat(rss2.title()).isEqualTo("Kazinform — Новости Казахстана");
        assertThat(rss2.lastSuccessAt()).isEqualTo(T0);
        assertThat(rss2.nextPollAt()).isEqualTo(T0.plus(INTERVAL));
        assertThat(feed("win1251").nextPollAt()).isEqualTo(T0.plus(Duration.ofMinutes(30))); // stretched by <ttl>30</ttl>

        // health of the failing ones: status, one-line error, backoff
        assertFailed("malformed", 200, "parser: ", T0.plus(INTERVAL.multipliedBy(2)));
        assertFailed("xxe", 200, "parser: ", T0.plus(INTERVAL.multipliedBy(2)));
        assertThat(feed("xxe").lastError()).contains("DOCTYPE");
        assertFailed("status-500", 500, "fetcher: HTTP 500 Internal Server Error", T0.plus(INTERVAL.multipliedBy(2)));
        assertFailed("status-404", 404, "fetcher: HTTP 404 Not Found", T0.plus(INTERVAL.multipliedBy(2)));
        assertFailed("status-429", 429, "fetcher: HTTP 429 Too Many Requests", T0.plus(Duration.ofHours(2))); // Retry-After
        assertFailed("slow", 0, "fetcher: no response from 127.0.0.1:", T0.plus(INTERVAL.multipliedBy(2)));
        assertFailed("endless", 0, "fetcher: body exceeds 262144 bytes", T0.plus(INTERVAL.multipliedBy(2)));
        assertFailed("loop-a", 0, "fetcher: redirect loop at ", T0.plus(INTERVAL.multipliedBy(2)));
        assertFailed("refused", 0, "fetcher: cannot fetch http://127.0.0.1:", T0.plus(INTERVAL.multipliedBy(2)));
        assertThat(feed("refused").lastError()).endsWith(": connection refused");

        // XXE: neither the canary URL nor the local file was read
        assertThat(server.hits("canary")).isZero();
        assertThat(server.hits("xxe")).isEqualTo(1);
        assertThat(countWhere("title LIKE '%" + secret + "%' OR body LIKE '%" + secret + "%' OR title LIKE '%CANARY%'")).isZero();
        assertThat(feed("xxe").lastError()).doesNotContain(secret);

        // the listener heard of exactly the stored items
        assertThat(announced).hasSize((int) items.count());
        assertThat(out.values().stream().filter(PollOutcome::ok).mapToInt(o -> o.newItems().size()).sum()).isEqualTo((int) items.count());
    }

    @Test
    void theSecondRoundIsAnsweredBy304AndFailuresBackOff() throws Exception {
        add(List.of("rss2", "atom", "status-500", "status-429"));
        scheduler.tick();
        long stored = items.count();

        clock.advance(Duration.ofMinutes(21)); // past 10 min (good feeds) and 20 min (first backoff), not 2 h
        Map<String, PollOutcome> second = byRoute(scheduler.tick());

        assertThat(second.keySet()).containsExactlyInAnyOrder("rss2", "atom", "status-500", "refused");
        assertThat(second.get("rss2").result()).isEqualTo(PollOutcome.Result.NOT_MODIFIED);
        assertThat(second.get("atom").httpStatus()).isEqualTo(304);
        assertThat(items.count()).isEqualTo(stored);
        assertThat(feed("rss2").lastStatus()).isEqualTo(304);
        assertThat(feed("rss2").nextPollAt()).isEqualTo(clock.instant().plus(INTERVAL));
        Feed failing = feed("status-500");
        assertThat(failing.failures()).isEqualTo(2);
        assertThat(failing.nextPollAt()).isEqualTo(clock.instant().plus(INTERVAL.multipliedBy(4)));
        assertThat(feed("status-429").failures()).isEqualTo(1); // not due yet: Retry-After was honoured
    }

    private void assertFailed(String route, int status, String errorStart, Instant nextPoll) {
        Feed f = feed(route);
        assertThat(f.lastStatus()).as(route).isEqualTo(status);
        assertThat(f.lastError()).as(route).startsWith(errorStart).doesNotContain("\n", "\tat ");
        assertThat(f.failures()).as(route).isEqualTo(1);
        assertThat(f.lastSuccessAt()).as(route).isNull();
        assertThat(f.nextPollAt()).as(route).isEqualTo(nextPoll);
    }

    private long countWhere(String where) {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM items WHERE " + where)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
