package kz.qazdigest.bench;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kz.qazdigest.config.Settings;
import kz.qazdigest.feed.FeedParser;
import kz.qazdigest.feed.FeedPoller;
import kz.qazdigest.feed.Fetcher;
import kz.qazdigest.feed.ParsedEntry;
import kz.qazdigest.feed.ParsedFeed;
import kz.qazdigest.feed.PollOutcome;
import kz.qazdigest.feed.UrlCanonicalizer;
import kz.qazdigest.store.AnalyzedEntry;
import kz.qazdigest.store.Database;
import kz.qazdigest.store.Feed;
import kz.qazdigest.store.FeedOutline;
import kz.qazdigest.store.FeedStore;
import kz.qazdigest.store.ItemStore;
import kz.qazdigest.text.Analysis;
import kz.qazdigest.text.ArticleAnalyzer;

/**
 * Ingest cost, fetch-free: bare ROME parsing of 100 generated feeds x 100 items vs the whole pipeline
 * (parse, HTML to text, canonical URLs, analysis stand-in, dedup and store into SQLite) on the same corpus;
 * then a re-poll of 100 unchanged feeds from a local server, all answered by 304.
 *
 * mvn -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=kz.qazdigest.bench.IngestBenchmark
 */
public final class IngestBenchmark {
    static final int FEEDS = 100;
    static final int ITEMS = 100;
    static final int ROUNDS = 5;
    static final ArticleAnalyzer TRIVIAL = (title, body) -> new Analysis("other", List.of(), "");

    public static void main(String[] args) throws Exception {
        List<byte[]> corpus = corpus();
        long bytes = corpus.stream().mapToLong(b -> b.length).sum();
        System.out.printf("corpus: %d feeds x %d items, %.1f MiB%n", FEEDS, ITEMS, bytes / 1048576.0);
        Path dir = Files.createTempDirectory("qazdigest-bench");

        bareParse(corpus); // warm-up
        pipeline(corpus, dir.resolve("warm.db"));
        long bare = Long.MAX_VALUE;
        long full = Long.MAX_VALUE;
        for (int r = 0; r < ROUNDS; r++) { // best of N: the figure least disturbed by the shared machine
            bare = Math.min(bare, bareParse(corpus));
            full = Math.min(full, pipeline(corpus, dir.resolve("run-" + r + ".db")));
        }
        int items = FEEDS * ITEMS;
        System.out.printf("bare ROME parse:  %6d ms  %8.0f items/s%n", bare / 1_000_000, items / (bare / 1e9));
        System.out.printf("full pipeline:    %6d ms  %8.0f items/s%n", full / 1_000_000, items / (full / 1e9));
        System.out.printf("ratio pipeline / bare parse: %.2fx (target <= 3x)%n", (double) full / bare);

        notModifiedRound(corpus, dir.resolve("repoll.db"));
    }

    static long bareParse(List<byte[]> corpus) throws Exception {
        long started = System.nanoTime();
        int n = 0;
        for (byte[] feed : corpus) {
            SyndFeed parsed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(feed), "application/rss+xml", true));
            n += parsed.getEntries().size();
        }
        check(n);
        return System.nanoTime() - started;
    }

    static long pipeline(List<byte[]> corpus, Path dbFile) throws Exception {
        try (Database db = Database.open(dbFile)) {
            Clock clock = Clock.systemUTC();
            FeedStore feeds = new FeedStore(db, clock);
            ItemStore items = new ItemStore(db, clock);
            List<FeedOutline> outlines = new ArrayList<>();
            for (int f = 0; f < FEEDS; f++) {
                outlines.add(new FeedOutline("https://feed" + f + ".example.org/rss", "rss", null, "ru", null, null));
            }
            feeds.importOutlines(outlines);
            List<Feed> all = feeds.active();
            FeedParser parser = new FeedParser();
            URI base = URI.create("https://example.org/");
            long started = System.nanoTime();
            int stored = 0;
            for (int f = 0; f < FEEDS; f++) {
                ParsedFeed parsed = parser.parse(corpus.get(f), "application/rss+xml", base);
                Instant now = clock.instant();
                List<AnalyzedEntry> entries = new ArrayList<>(parsed.entries().size());
                for (ParsedEntry e : parsed.entries()) {
                    entries.add(new AnalyzedEntry(e.guid(), e.link(), UrlCanonicalizer.canonical(e.link()), e.title(),
                            e.bodyText(), e.publishedAt() != null ? e.publishedAt() : now, TRIVIAL.analyze(e.title(), e.bodyText())));
                }
                stored += items.insertNew(all.get(f), entries).size();
            }
            long took = System.nanoTime() - started;
            check(stored);
            return took;
        }
    }

    static void notModifiedRound(List<byte[]> corpus, Path dbFile) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        ExecutorService serverThreads = Executors.newFixedThreadPool(4);
        server.setExecutor(serverThreads);
        server.createContext("/", ex -> {
            int f = Integer.parseInt(ex.getRequestURI().getPath().replaceAll("\\D", ""));
            String etag = "\"feed-" + f + "\"";
            ex.getResponseHeaders().add("ETag", etag);
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
            } else {
                ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
                ex.sendResponseHeaders(200, corpus.get(f).length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(corpus.get(f));
                }
            }
            ex.close();
        });
        server.start();
        Settings.Feeds settings = new Settings.Feeds(Path.of("unused"), Duration.ofMinutes(10), Duration.ofSeconds(30), 4,
                0.1, Duration.ofHours(6), true);
        Settings.Fetch fetch = new Settings.Fetch("qazdigest-bench", Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(30), 5L << 20, 5);
        ExecutorService pool = Executors.newFixedThreadPool(settings.pollThreads());
        try (Database db = Database.open(dbFile)) {
            FeedStore feeds = new FeedStore(db, Clock.systemUTC());
            List<FeedOutline> outlines = new ArrayList<>();
            for (int f = 0; f < FEEDS; f++) {
                outlines.add(new FeedOutline("http://127.0.0.1:" + server.getAddress().getPort() + "/feed/" + f, "rss", null, "ru", null, null));
            }
            feeds.importOutlines(outlines);
            FeedPoller poller = new FeedPoller(new Fetcher(fetch), new FeedParser(), TRIVIAL, feeds,
                    new ItemStore(db, Clock.systemUTC()), settings, Clock.systemUTC(), fresh -> { });
            long first = System.nanoTime();
            List<PollOutcome> initial = poller.pollAll(feeds.active(), pool);
            long firstTook = System.nanoTime() - first;
            long started = System.nanoTime();
            List<PollOutcome> again = poller.pollAll(feeds.active(), pool);
            long took = System.nanoTime() - started;
            long notModified = again.stream().filter(o -> o.result() == PollOutcome.Result.NOT_MODIFIED).count();
            System.out.printf("first poll of %d feeds over HTTP (200, parse, store %d items): %d ms%n", FEEDS,
                    initial.stream().mapToInt(o -> o.newItems().size()).sum(), firstTook / 1_000_000);
            System.out.printf("re-poll of %d unchanged feeds: %d answered 304, whole round %d ms (%d poll threads)%n",
                    FEEDS, notModified, took / 1_000_000, settings.pollThreads());
        } finally {
            pool.shutdownNow();
            server.stop(0);
            serverThreads.shutdownNow();
        }
    }

    static void check(int n) {
        if (n != FEEDS * ITEMS) {
            throw new IllegalStateException("benchmark: expected " + FEEDS * ITEMS + " items, got " + n);
        }
    }

    /** Real-shaped RSS 2.0: HTML content:encoded with paragraphs, an image, a script; links with utm tags. */
    static List<byte[]> corpus() {
        DateTimeFormatter rfc = DateTimeFormatter.RFC_1123_DATE_TIME;
        Instant base = Instant.parse("2025-11-25T05:00:00Z");
        List<byte[]> feeds = new ArrayList<>(FEEDS);
        for (int f = 0; f < FEEDS; f++) {
            StringBuilder xml = new StringBuilder(256 * 1024);
            xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                    + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>")
                    .append("<title>Лента ").append(f).append("</title><link>https://feed").append(f)
                    .append(".example.org/</link><description>Новости</description>\n");
            for (int i = 0; i < ITEMS; i++) {
                String id = f + "-" + i;
                xml.append("<item><title>Казахстан и партнёры обсудили сотрудничество, выпуск ").append(id).append("</title>")
                        .append("<link>https://feed").append(f).append(".example.org/news/").append(id)
                        .append("/?utm_source=rss&amp;utm_medium=feed</link>")
                        .append("<guid isPermaLink=\"false\">").append(id).append("</guid>")
                        .append("<pubDate>").append(rfc.format(base.minusSeconds(60L * i).atOffset(ZoneOffset.ofHours(5)))).append("</pubDate>")
                        .append("<description><![CDATA[<p>Краткое содержание новости ").append(id).append(".</p>]]></description>")
                        .append("<content:encoded><![CDATA[<figure><img src=\"https://cdn.example.org/").append(id)
                        .append(".jpg\"/><figcaption>Фото: пресс-служба</figcaption></figure>")
                        .append("<p>АСТАНА. Министр иностранных дел провёл переговоры с делегацией партнёров, выпуск ").append(id)
                        .append(". Стороны обсудили торгово-экономическое сотрудничество &laquo;и&raquo; транспорт.</p>")
                        .append("<script>track('").append(id).append("')</script>")
                        .append("<p>Особое внимание уделено Среднему коридору,<br>энергетике и водным ресурсам региона.</p>")
                        .append("<p>Договорились продолжить контакты на высшем уровне в следующем году.</p>]]></content:encoded>")
                        .append("</item>\n");
            }
            xml.append("</channel></rss>\n");
            feeds.add(xml.toString().getBytes(StandardCharsets.UTF_8));
        }
        return feeds;
    }
}
