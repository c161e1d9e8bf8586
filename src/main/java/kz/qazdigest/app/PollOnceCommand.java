package kz.qazdigest.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import kz.qazdigest.config.Settings;
import kz.qazdigest.config.SettingsLoader;
import kz.qazdigest.feed.FeedParser;
import kz.qazdigest.fulltext.TeaserGate;
import kz.qazdigest.govkz.GovKzPoller;
import kz.qazdigest.feed.FeedPoller;
import kz.qazdigest.feed.Fetcher;
import kz.qazdigest.feed.PollOutcome;
import kz.qazdigest.feed.SampleFeedServer;
import kz.qazdigest.store.Database;
import kz.qazdigest.store.Feed;
import kz.qazdigest.store.FeedStore;
import kz.qazdigest.store.Item;
import kz.qazdigest.store.ItemStore;
import kz.qazdigest.store.StoreException;
import kz.qazdigest.text.ArticleAnalyzer;
import kz.qazdigest.text.TextAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code poll-once}: imports the OPML, fetches every RSS feed once (due or not), prints a table of feeds
 * and the new items' titles. Exit 0 if any feed answered, 1 if none did.
 */
@Command(name = "poll-once", description = "fetch every feed once and print what is new")
final class PollOnceCommand implements Callable<Integer> {
    @Option(names = "--samples", description = "poll the bundled sample feeds, served from 127.0.0.1, into a "
            + "temporary database (the offline demo)")
    boolean samples;

    private final Map<String, String> env;
    private final Function<Settings, ArticleAnalyzer> analyzers;
    private final PrintStream out;

    PollOnceCommand() {
        this(System.getenv(), PollOnceCommand::analyzer, System.out);
    }

    PollOnceCommand(Map<String, String> env, Function<Settings, ArticleAnalyzer> analyzers, PrintStream out) {
        this.env = env;
        this.analyzers = analyzers;
        this.out = out;
    }

    /** The text analyser (language, topics, summary) from config/topics.yml. */
    static ArticleAnalyzer analyzer(Settings settings) {
        return TextAnalyzer.load(settings.text());
    }

    @Override
    public Integer call() throws IOException {
        Settings settings = SettingsLoader.load(env);
        ArticleAnalyzer analyzer = analyzers.apply(settings);
        Clock clock = Clock.systemUTC();
        Path tempDir = samples ? Files.createTempDirectory("qazdigest-samples") : null;
        try (SampleFeedServer sampleServer = samples ? SampleFeedServer.start(clock) : null;
             Database db = open(samples ? tempDir.resolve("samples.db") : settings.db())) {
            FeedStore feeds = new FeedStore(db, clock);
            ItemStore items = new ItemStore(db, clock);
            try {
                FeedStore.ImportReport report = sampleServer != null
                        ? feeds.importOutlines(sampleServer.outlines())
                        : feeds.importOpml(settings.feeds().opml());
                out.printf("feeds: %d added, %d known, %d removed by an admin (left out)%n",
                        report.added(), report.known(), report.stillRemoved());
            } catch (StoreException e) {
                throw new StartupException(e.getMessage());
            }
            List<Feed> all = feeds.active().stream().filter(f -> f.kind().equals("rss")).toList();
            Fetcher fetcher = new Fetcher(settings.fetch());
            // teaser items are held for the full-text job of 'run', exactly as when the bot polls them itself
            FeedPoller poller = new FeedPoller(fetcher, new FeedParser(), analyzer, feeds, items,
                    settings.feeds(), clock, fresh -> { }).withFullTextGate(new TeaserGate(settings.fullText().teaserChars()));
            ExecutorService pool = Executors.newFixedThreadPool(settings.feeds().pollThreads());
            List<PollOutcome> outcomes = new ArrayList<>();
            try {
                outcomes.addAll(poller.pollAll(all, pool));
            } finally {
                pool.shutdownNow();
            }
            GovKzPoller govKz = new GovKzPoller(fetcher, analyzer, feeds, items, settings.feeds(), clock, fresh -> { });
            for (Feed listing : feeds.active().stream().filter(f -> f.kind().equals(GovKzPoller.KIND)).toList()) {
                long started = System.nanoTime();
                GovKzPoller.Outcome o = govKz.poll(listing);
                int status = feeds.byId(listing.id()).map(f -> f.lastStatus() == null ? 0 : f.lastStatus()).orElse(0);
                outcomes.add(new PollOutcome(listing, o.ok() ? PollOutcome.Result.UPDATED : PollOutcome.Result.FAILED,
                        status, o.newItems().size(), o.newItems(), o.error(),
                        Duration.ofNanos(System.nanoTime() - started), null));
            }
            print(outcomes);
            return outcomes.stream().anyMatch(PollOutcome::ok) ? 0 : 1;
        } finally {
            if (tempDir != null) {
                deleteQuietly(tempDir);
            }
        }
    }

    private static Database open(Path file) {
        try {
            return Database.open(file);
        } catch (StoreException e) {
            throw new StartupException(e.getMessage());
        }
    }

    private void print(List<PollOutcome> outcomes) {
        out.printf("%-40s %-6s %5s %7s%n", "feed", "status", "new", "ms");
        for (PollOutcome o : outcomes) {
            String status = switch (o.result()) {
                case UPDATED -> Integer.toString(o.httpStatus());
                case NOT_MODIFIED -> "304";
                case FAILED -> "error";
            };
            out.printf("%-40s %-6s %5d %7d%s%n", cut(o.feed().label(), 40), status, o.newItems().size(),
                    o.took().toMillis(), o.error() == null ? "" : "  " + o.error());
        }
        long fresh = outcomes.stream().mapToLong(o -> o.newItems().size()).sum();
        out.printf("%n%d new item%s%n", fresh, fresh == 1 ? "" : "s");
        for (PollOutcome o : outcomes) {
            for (Item item : o.newItems()) {
                out.printf("  [%s] %s%n", item.lang() == null ? "??" : item.lang(), item.title());
            }
        }
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}
