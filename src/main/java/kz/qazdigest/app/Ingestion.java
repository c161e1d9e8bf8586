package kz.qazdigest.app;

import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import kz.qazdigest.config.Settings;
import kz.qazdigest.feed.FeedParser;
import kz.qazdigest.feed.FeedPoller;
import kz.qazdigest.feed.Fetcher;
import kz.qazdigest.feed.PollScheduler;
import kz.qazdigest.fulltext.ArticleExtractor;
import kz.qazdigest.fulltext.ArticleFetcher;
import kz.qazdigest.fulltext.FullTextProcessor;
import kz.qazdigest.fulltext.FullTextScheduler;
import kz.qazdigest.fulltext.HostRateLimiter;
import kz.qazdigest.fulltext.TeaserGate;
import kz.qazdigest.govkz.GovKzPoller;
import kz.qazdigest.store.ArticlePageStore;
import kz.qazdigest.store.Database;
import kz.qazdigest.store.FeedStore;
import kz.qazdigest.store.Item;
import kz.qazdigest.store.ItemStore;
import kz.qazdigest.text.TextAnalyzer;
import kz.qazdigest.topic.Retagger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest side, wired once for {@code run} and {@code console}: RSS polling on its Quartz tick (with the
 * gov.kz listings in the same rounds), full text for teaser items on its own tick, and re-tagging of stored
 * items when the taxonomy changed. New items, ready for digests, go to {@code onNewItems}.
 */
final class Ingestion implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Ingestion.class);
    private static final int FULL_TEXT_THREADS = 4;

    final FeedStore feeds;
    final ItemStore items;
    final Fetcher fetcher;
    final FeedPoller poller;
    final PollScheduler scheduler;
    final ArticlePageStore pages;
    private final FullTextScheduler fullText;

    Ingestion(Settings settings, Database db, TextAnalyzer analyzer, Clock clock, Consumer<List<Item>> onNewItems) {
        feeds = new FeedStore(db, clock);
        items = new ItemStore(db, clock);
        fetcher = new Fetcher(settings.fetch());
        int retagged = new Retagger(db, items, analyzer, analyzer.taxonomy().hash()).retagIfTaxonomyChanged();
        if (retagged > 0) {
            log.info("ingestion: topics.yml changed; re-tagged {} stored items", retagged);
        }
        poller = new FeedPoller(fetcher, new FeedParser(), analyzer, feeds, items, settings.feeds(), clock, onNewItems)
                .withFullTextGate(new TeaserGate(settings.fullText().teaserChars()));
        scheduler = new PollScheduler(feeds, poller, settings.feeds(), clock);
        GovKzPoller govKz = new GovKzPoller(fetcher, analyzer, feeds, items, settings.feeds(), clock, onNewItems);
        scheduler.alsoPoll(new PollScheduler.OtherSource() {
            @Override
            public void pollDue() {
                govKz.pollDue();
            }

            @Override
            public void pollAll() {
                govKz.pollAll();
            }
        });
        ArticleFetcher articles = new ArticleFetcher(fetcher, new HostRateLimiter(settings.fullText().perHostPerSecond()),
                InetAddress::getAllByName);
        pages = new ArticlePageStore(db);
        FullTextProcessor processor = new FullTextProcessor(pages, items, articles,
                new ArticleExtractor(settings.fullText().sites()), analyzer, settings.fullText(), clock, onNewItems);
        fullText = new FullTextScheduler(processor, settings.feeds().tickInterval(), FULL_TEXT_THREADS);
    }

    /** Starts both ticks; the first poll round runs at once. */
    void start() {
        scheduler.start();
        fullText.start();
    }

    /** Stops ticking and lets running rounds finish. */
    @Override
    public void close() {
        scheduler.close();
        fullText.close();
    }
}
