package kz.qazdigest.feed;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import kz.qazdigest.config.Settings;
import kz.qazdigest.store.AnalyzedEntry;
import kz.qazdigest.store.Feed;
import kz.qazdigest.store.FeedStore;
import kz.qazdigest.store.Item;
import kz.qazdigest.store.ItemStore;
import kz.qazdigest.text.Analysis;
import kz.qazdigest.text.ArticleAnalyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed through the whole pipeline: fetch, (304: done), parse, analyse, store what is new,
 * schedule the next poll, tell the listener. A failure is recorded on that feed only, as one line.
 */
public final class FeedPoller {
    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    private final Fetcher fetcher;
    private final FeedParser parser;
    private final ArticleAnalyzer analyzer;
    private final FeedStore feeds;
    private final ItemStore items;
    private final NextPoll nextPoll;
    private final Clock clock;
    private final Consumer<List<Item>> onNewItems;

    /** @param onNewItems called with each feed's new items after they are stored (instant digests); may be a no-op */
    public FeedPoller(Fetcher fetcher, FeedParser parser, ArticleAnalyzer analyzer, FeedStore feeds, ItemStore items,
                      Settings.Feeds settings, Clock clock, Consumer<List<Item>> onNewItems) {
        this(fetcher, parser, analyzer, feeds, items, new NextPoll(settings, () -> ThreadLocalRandom.current().nextDouble()),
                clock, onNewItems);
    }

    FeedPoller(Fetcher fetcher, FeedParser parser, ArticleAnalyzer analyzer, FeedStore feeds, ItemStore items,
               NextPoll nextPoll, Clock clock, Consumer<List<Item>> onNewItems) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.items = Objects.requireNonNull(items, "items");
        this.nextPoll = nextPoll;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onNewItems = Objects.requireNonNull(onNewItems, "onNewItems");
    }

    /** Polls every feed on {@code pool}; the outcomes come back in the order of {@code feedList}. */
    public List<PollOutcome> pollAll(List<Feed> feedList, Executor pool) {
        List<CompletableFuture<PollOutcome>> running = new ArrayList<>();
        for (Feed feed : feedList) {
            running.add(CompletableFuture.supplyAsync(() -> poll(feed), pool));
        }
        List<PollOutcome> outcomes = new ArrayList<>(running.size());
        running.forEach(f -> outcomes.add(f.join()));
        return outcomes;
    }

    /** Polls one feed; never throws: a failure is recorded on the feed and returned. */
    public PollOutcome poll(Feed feed) {
        Instant now = clock.instant();
        long started = System.nanoTime();
        FetchResult fetched = null;
        try {
            fetched = fetcher.fetch(uri(feed), feed.etag(), feed.lastModified());
            if (fetched.notModified()) {
                Instant next = nextPoll.afterSuccess(now, fetched.cacheHints());
                feeds.markChecked(feed.id(), 304, fetched.etag(), fetched.lastModified(), now, next);
                return done(feed, PollOutcome.Result.NOT_MODIFIED, 304, 0, List.of(), null, started, next);
            }
            ParsedFeed parsed = parser.parse(fetched.body(), fetched.contentType(), fetched.finalUrl());
            List<Item> fresh = items.insertNew(feed, analyze(feed, parsed.entries(), now));
            Instant next = nextPoll.afterSuccess(now, fetched.cacheHints().withTtl(parsed.ttl()));
            feeds.markSuccess(feed.id(), fetched.status(), fetched.etag(), fetched.lastModified(), parsed.title(), now, next);
            notifyListener(feed, fresh);
            return done(feed, PollOutcome.Result.UPDATED, fetched.status(), parsed.entries().size(), fresh, null, started, next);
        } catch (FetchException e) {
            return failed(feed, e.status(), e.getMessage(), e.hints(), now, started);
        } catch (FeedParseException e) {
            return failed(feed, fetched.status(), e.getMessage(), fetched.cacheHints(), now, started);
        } catch (RuntimeException e) { // a store or analyser fault must not take the other feeds of the tick down
            log.warn("poller: feed_id={} url={} failed unexpectedly", feed.id(), feed.url(), e);
            return failed(feed, fetched == null ? 0 : fetched.status(),
                    "poller: " + Fetcher.oneLine(String.valueOf(e.getMessage())), CacheHints.NONE, now, started);
        }
    }

    private List<AnalyzedEntry> analyze(Feed feed, List<ParsedEntry> entries, Instant fetchedAt) {
        List<AnalyzedEntry> analyzed = new ArrayList<>(entries.size());
        for (ParsedEntry e : entries) {
            Analysis analysis;
            try {
                analysis = analyzer.analyze(e.title(), e.bodyText());
            } catch (RuntimeException ex) { // skip the entry: it is not stored, so the next poll tries it again
                log.warn("poller: feed_id={} analyser failed on '{}': {}", feed.id(), e.title(), ex.toString());
                continue;
            }
            analyzed.add(new AnalyzedEntry(e.guid(), e.link(), UrlCanonicalizer.canonical(e.link()), e.title(),
                    e.bodyText(), e.publishedAt() != null ? e.publishedAt() : fetchedAt, analysis));
        }
        return analyzed;
    }

    private void notifyListener(Feed feed, List<Item> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        try {
            onNewItems.accept(fresh);
        } catch (RuntimeException e) { // the items are stored; a listener fault is its own business
            log.warn("poller: feed_id={} new-items listener failed", feed.id(), e);
        }
    }

    private PollOutcome failed(Feed feed, int status, String error, CacheHints hints, Instant now, long started) {
        String line = Fetcher.oneLine(error);
        Instant next = nextPoll.afterFailure(now, feed.failures() + 1, hints);
        try {
            feeds.markFailure(feed.id(), status, line, now, next);
        } catch (RuntimeException e) {
            log.warn("poller: feed_id={} cannot record its failure: {}", feed.id(), e.getMessage());
        }
        return done(feed, PollOutcome.Result.FAILED, status, 0, List.of(), line, started, next);
    }

    private static PollOutcome done(Feed feed, PollOutcome.Result result, int status, int entries, List<Item> fresh,
                                    String error, long started, Instant next) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (result == PollOutcome.Result.FAILED) {
            log.info("poll feed_id={} status={} error=\"{}\" ms={}", feed.id(), status, error, took.toMillis());
        } else {
            log.info("poll feed_id={} status={} entries={} new={} ms={}", feed.id(), status, entries, fresh.size(), took.toMillis());
        }
        return new PollOutcome(feed, result, status, entries, fresh, error, took, next);
    }

    private static URI uri(Feed feed) throws FetchException {
        try {
            return new URI(feed.url().trim());
        } catch (java.net.URISyntaxException e) {
            throw new FetchException("malformed feed URL '" + Fetcher.oneLine(feed.url()) + "'", null);
        }
    }
}
