package kz.qazdigest.fulltext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kz.qazdigest.config.Settings;
import kz.qazdigest.feed.FeedParser;
import kz.qazdigest.feed.FeedPoller;
import kz.qazdigest.feed.Fetcher;
import kz.qazdigest.store.ArticlePageStore;
import kz.qazdigest.store.Database;
import kz.qazdigest.store.Feed;
import kz.qazdigest.store.FeedOutline;
import kz.qazdigest.store.FeedStore;
import kz.qazdigest.store.Item;
import kz.qazdigest.store.ItemStore;
import kz.qazdigest.text.Analysis;
import kz.qazdigest.testing.MutableClock;
import kz.qazdigest.testing.TestSettings;
import kz.qazdigest.text.ArticleAnalyzer;
import kz.qazdigest.topic.TopicMatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on real HTTP (127.0.0.1), real SQLite and real Quartz: a teaser feed is polled, its items
 * are held back (ready = 0), the full-text job fetches and extracts the pages, re-analyses them and only
 * then offers them to digests. Failures keep the teaser and show in the per-feed counts.
 */
class FullTextPipelineTest {
    private static final Settings.Fetch FETCH = TestSettings.fetch(Duration.ofMillis(700), 1024 * 1024);
    private static final Settings.Feeds FEEDS = TestSettings.feeds(Duration.ofMinutes(10), Duration.ofSeconds(30));

    @TempDir
    Path dir;
    private final ArticleTestServer site = new ArticleTestServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-12-09T06:00:00Z"));
    private final List<Item> announcedByPoller = new CopyOnWriteArrayList<>();
    private final List<Item> announcedByFullText = new CopyOnWriteArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private Database db;
    private FeedStore feeds;
    private ItemStore items;
    private ArticlePageStore pages;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("q.db"));
        feeds = new FeedStore(db, clock);
        items = new ItemStore(db, clock);
        pages = new ArticlePageStore(db);
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        site.close();
        db.close();
    }

    /** Tags spain / qatar by keyword; the summary is the first sentence of every paragraph that names one. */
    static ArticleAnalyzer keywordAnalyzer() {
        Map<String, List<String>> words = Map.of("spain", List.of("Испания", "Spain"), "qatar", List.of("Қатар", "Qatar"));
        return (title, body) -> {
            List<TopicMatch> topics = new ArrayList<>();
            List<String> summary = new ArrayList<>();
            words.forEach((topic, forms) -> forms.stream().filter(w -> (title + "\n" + body).contains(w)).findFirst()
                    .ifPresent(w -> topics.add(new TopicMatch(topic, List.of(w)))));
            for (String paragraph : body.split("\n")) {
                if (words.values().stream().flatMap(List::stream).anyMatch(paragraph::contains)) {
                    summary.add(paragraph.split("(?<=[.!?])\\s+")[0]);
                }
            }
            topics.sort(java.util.Comparator.comparing(TopicMatch::topicId));
            return new Analysis("kk", topics, String.join(" ", summary));
        };
    }

    private Feed feed(String fullText, String extraHosts) {
        feeds.importOutlines(List.of(new FeedOutline(site.url("/feed.xml").toString(), "rss", "Site", "kk", fullText,
                extraHosts)));
        return feeds.active().get(0);
    }

    private FeedPoller poller(ArticleAnalyzer analyzer) {
        return new FeedPoller(new Fetcher(FETCH), new FeedParser(), analyzer, feeds, items, FEEDS, clock,
                announcedByPoller::addAll).withFullTextGate(new TeaserGate(400));
    }

    private FullTextProcessor processor(ArticleAnalyzer analyzer, double perHostPerSecond, int maxAttempts) {
        Settings.FullText settings = new Settings.FullText(400, perHostPerSecond, maxAttempts, Map.of());
        return new FullTextProcessor(pages, items, new ArticleFetcher(new Fetcher(FETCH),
                new HostRateLimiter(perHostPerSecond), InetAddress::getAllByName), new ArticleExtractor(Map.of()),
                analyzer, settings, clock, announcedByFullText::addAll);
    }

    record Entry(String title, String link, String teaser) {}

    private void serveFeed(List<Entry> entries) {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Site</title><link>" + site.base() + "/</link><description>test</description>");
        int i = 0;
        for (Entry e : entries) {
            rss.append("<item><title>").append(e.title()).append("</title><link>").append(e.link())
                    .append("</link><guid isPermaLink=\"false\">item-").append(i++).append("</guid><description><![CDATA[<p>")
                    .append(e.teaser()).append("</p>]]></description><pubDate>Tue, 09 Dec 2025 05:00:00 GMT</pubDate></item>");
        }
        site.route("/feed.xml", ex -> ArticleTestServer.send(ex, 200, "application/rss+xml; charset=utf-8",
                rss.append("</channel></rss>").toString()));
    }

    private static String article(String title, int n) {
        StringBuilder html = new StringBuilder("<html><head><title>" + title + "</title></head><body>"
                + "<nav><a href=/>Home</a> <a href=/world>World</a></nav><article><h1>" + title + "</h1>");
        for (int p = 0; p < 3; p++) {
            html.append("<p>Paragraph ").append(p).append(" of article ").append(n).append(": the ministry said the "
                    + "talks covered trade, transport corridors and the next round of political consultations.</p>");
        }
        return html.append("</article><footer>© Site</footer></body></html>").toString();
    }

    @Test
    void aTeaserWhoseArticleNamesSpainLateReachesSpainOnlyOnceItsAnalysisIsFinal() {
        String html = ArticleFixtures.read("govkz-mfa-doha.kk.html");
        site.html("/news/details/1098765", html);
        String teaser = "Қазақстан Республикасы Сыртқы істер министрінің орынбасары Әлібек Бақаев Қатар астанасында "
                + "өткен Доха форумының жұмысына қатысты.";
        serveFeed(List.of(new Entry("Доха форумы: Қазақстан халықаралық ынтымақтастықты нығайтуға өз үлесін қосуда",
                site.url("/news/details/1098765").toString(), teaser)));
        Feed feed = feed(null, null);

        assertThat(poller(keywordAnalyzer()).poll(feed).ok()).isTrue();
        Instant since = Instant.parse("2025-12-01T00:00:00Z");
        // stored, analysed on the teaser (qatar only), but held back: no digest sees it, no instant digest fires
        assertThat(items.count()).isEqualTo(1);
        assertThat(items.recentByTopics(List.of("qatar", "spain"), since, 10)).isEmpty();
        assertThat(announcedByPoller).isEmpty();
        assertThat(pages.countsByFeed().get(feed.id()).pending()).isEqualTo(1);

        try (FullTextScheduler scheduler = new FullTextScheduler(processor(keywordAnalyzer(), 1.0, 3), Duration.ofMillis(200), 2)) {
            scheduler.start(); // real Quartz
            await().atMost(Duration.ofSeconds(20)).until(() -> !items.recentByTopics(List.of("spain"), since, 10).isEmpty());
        }
        Item item = items.recentByTopics(List.of("spain"), since, 10).get(0);
        assertThat(item.topics()).extracting(TopicMatch::topicId).containsExactly("qatar", "spain");
        assertThat(item.summary()).contains("Испанияның Сыртқы істер жөніндегі Мемлекеттік хатшысы");
        assertThat(item.body().split("\n")).hasSize(8);
        assertThat(item.body()).doesNotContain("Сурет:", "Бөлісу", "cookie", "Басқа жаңалықтар");
        assertThat(announcedByFullText).extracting(Item::id).containsExactly(item.id());
        assertThat(pages.countsByFeed().get(feed.id())).satisfies(c -> {
            assertThat(c.extracted()).isEqualTo(1);
            assertThat(c.pending()).isZero();
        });
        assertThat(site.hits("/news/details/1098765")).isEqualTo(1);
    }

    @Test
    void twoHundredTeasersOnOneHostKeepToThePerHostLimit() {
        double perSecond = 50;
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            site.html("/a/" + i, article("Story " + i, i));
            entries.add(new Entry("Story " + i, site.url("/a/" + i).toString(), "Teaser of story " + i + "."));
        }
        serveFeed(entries);
        Feed feed = feed("auto", null);
        assertThat(poller(keywordAnalyzer()).poll(feed).newItems()).hasSize(200);

        FullTextProcessor.Round round = processor(keywordAnalyzer(), perSecond, 3).runOnce(pool);

        assertThat(round.extracted()).isEqualTo(200);
        List<Long> times = site.hits().stream().filter(h -> h.path().startsWith("/a/")).map(ArticleTestServer.Hit::nanos)
                .sorted().toList();
        assertThat(times).hasSize(200);
        // count the requests that arrived in every two-second window starting at a request: 8 threads were
        // ready to go at once, the limiter let through 50 per second; 10% slack for arrival jitter on a busy box
        // (without the limiter all 200 land in the first window)
        long window = 2_000_000_000L;
        int busiest = 0;
        for (int i = 0; i < times.size(); i++) {
            int n = 0;
            for (int j = i; j < times.size() && times.get(j) < times.get(i) + window; j++) {
                n++;
            }
            busiest = Math.max(busiest, n);
        }
        System.out.println("per-host limit " + perSecond + "/s: busiest two-second window held " + busiest + " requests");
        assertThat(busiest).isLessThanOrEqualTo((int) (2 * perSecond * 1.1));
        assertThat(items.recent(Instant.EPOCH, 500)).hasSize(200);
    }

    @Test
    void failuresKeepTheTeaserAndShowPerFeed() {
        try (ArticleTestServer internal = new ArticleTestServer()) {
            internal.html("/secret", article("Internal admin page", 0));
            site.html("/a/ok", article("Good story", 1));
            site.status("/a/missing", 404);
            site.slow("/a/slow");
            site.html("/a/login", ArticleFixtures.read("login-wall.html"));
            site.redirect("/a/to-internal", internal.url("/secret").toString());
            serveFeed(List.of(
                    new Entry("Good", site.url("/a/ok").toString(), "Teaser good."),
                    new Entry("Missing", site.url("/a/missing").toString(), "Teaser missing."),
                    new Entry("Slow", site.url("/a/slow").toString(), "Teaser slow."),
                    new Entry("Login", site.url("/a/login").toString(), "Teaser login."),
                    new Entry("Redirect", site.url("/a/to-internal").toString(), "Teaser redirect."),
                    new Entry("Elsewhere", "http://localhost:" + site.port() + "/a/other", "Teaser elsewhere.")));
            Feed feed = feed("auto", null);
            poller(keywordAnalyzer()).poll(feed);
            FullTextProcessor processor = processor(keywordAnalyzer(), 100, 2);

            FullTextProcessor.Round first = processor.runOnce(pool);

            assertThat(first).isEqualTo(new FullTextProcessor.Round(1, 4, 1));
            ArticlePageStore.FeedCounts counts = pages.countsByFeed().get(feed.id());
            assertThat(counts).isEqualTo(new ArticlePageStore.FeedCounts(1, 1, 1, 2, 1, counts.lastError()));
            assertThat(internal.hits()).isEmpty(); // the redirect to another loopback port was never followed
            assertThat(site.hits("/a/other")).isZero();
            assertThat(items.recent(Instant.EPOCH, 10)).extracting(Item::title)
                    .containsExactlyInAnyOrder("Good", "Missing", "Login", "Redirect", "Elsewhere");
            assertThat(items.recent(Instant.EPOCH, 10)).filteredOn(i -> !i.title().equals("Good"))
                    .allSatisfy(i -> assertThat(i.body()).startsWith("Teaser"));
            assertThat(errors()).anySatisfy(e -> assertThat(e).contains("HTTP 404"))
                    .anySatisfy(e -> assertThat(e).contains("login wall"))
                    .anySatisfy(e -> assertThat(e).contains("refused (redirect to " + internal.url("/secret")))
                    .anySatisfy(e -> assertThat(e).contains("refused: host localhost:" + site.port()));

            assertThat(processor.runOnce(pool).total()).as("the slow page waits for its retry time").isZero();
            clock.advance(Duration.ofMinutes(2));
            assertThat(processor.runOnce(pool)).isEqualTo(new FullTextProcessor.Round(0, 1, 0));
            assertThat(pages.countsByFeed().get(feed.id()).gaveUp()).isEqualTo(2);
            assertThat(errors()).anySatisfy(e -> assertThat(e).contains("gave up after 2 attempts"));
            assertThat(items.recent(Instant.EPOCH, 10)).hasSize(6);

            clock.advance(Duration.ofHours(2));
            assertThat(processor.runOnce(pool).total()).isZero();
            assertThat(site.hits("/a/ok")).isEqualTo(1); // answered 200 once: never fetched again
            assertThat(site.hits("/a/missing")).isEqualTo(1);
        }
    }

    @Test
    void fullTextNeverAndLongBodiesAreOfferedAtOnce() {
        site.html("/a/1", article("One", 1));
        serveFeed(List.of(new Entry("One", site.url("/a/1").toString(), "Teaser one.")));
        Feed feed = feed("never", null);
        poller(keywordAnalyzer()).poll(feed);
        assertThat(announcedByPoller).hasSize(1);
        assertThat(items.recent(Instant.EPOCH, 10)).hasSize(1);
        assertThat(processor(keywordAnalyzer(), 100, 3).runOnce(pool).total()).isZero();
        assertThat(site.hits("/a/1")).isZero();
    }

    private List<String> errors() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (var st = c.prepareStatement("SELECT error FROM article_pages WHERE error IS NOT NULL");
                 var rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }
    @Test
    void withTheTextCapabilitysAnalyzerSpainComesFromTheWholeArticle() {
        ArticleAnalyzer real = new kz.qazdigest.text.TextAnalyzer(
                kz.qazdigest.topic.Taxonomy.load(Path.of("config/topics.yml")), 350);
        site.html("/news/details/1098765", ArticleFixtures.read("govkz-mfa-doha.kk.html"));
        String teaser = "Қазақстан Республикасы Сыртқы істер министрінің орынбасары Әлібек Бақаев Қатар астанасында "
                + "өткен Доха форумының жұмысына қатысты, деп хабарлайды Қазақстан Республикасы Сыртқы істер "
                + "министрлігінің баспасөз қызметінен.";
        String title = "Доха форумы: Қазақстан халықаралық ынтымақтастықты нығайтуға өз үлесін қосуда";
        assertThat(real.analyze(title, teaser).topics()).extracting(TopicMatch::topicId).doesNotContain("spain");
        serveFeed(List.of(new Entry(title, site.url("/news/details/1098765").toString(), teaser)));
        Feed feed = feed("auto", null);
        poller(real).poll(feed);
        Instant since = Instant.parse("2025-12-01T00:00:00Z");
        assertThat(items.recentByTopics(List.of("spain", "qatar"), since, 10)).isEmpty();

        assertThat(processor(real, 1.0, 3).runOnce(pool).extracted()).isEqualTo(1);

        Item item = items.recentByTopics(List.of("spain"), since, 10).get(0);
        System.out.println("topics: " + item.topics() + "\nsummary: " + item.summary());
        assertThat(item.topics()).extracting(TopicMatch::topicId).contains("spain", "qatar");
        assertThat(item.lang()).isEqualTo("kk");
        String teaserSummary = real.analyze(title, teaser).summary();
        assertThat(item.summary()).isNotBlank().isNotEqualTo(teaserSummary);
        assertThat(item.body()).contains(item.summary().substring(0, Math.min(40, item.summary().length())));
    }
}
