package kz.qazdigest.bot;

import java.net.InetAddress;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.qazdigest.feed.FeedParseException;
import kz.qazdigest.feed.FeedParser;
import kz.qazdigest.feed.FeedPoller;
import kz.qazdigest.feed.FetchException;
import kz.qazdigest.feed.FetchResult;
import kz.qazdigest.feed.ParsedFeed;
import kz.qazdigest.feed.PollOutcome;
import kz.qazdigest.feed.PollScheduler;
import kz.qazdigest.feed.Fetcher;
import kz.qazdigest.store.ArticlePageStore;
import kz.qazdigest.store.Database;
import kz.qazdigest.store.Feed;
import kz.qazdigest.store.FeedStore;

/**
 * The admin commands over the feed capability: its store, fetcher, parser, poller and scheduler, and the
 * full-text job's per-feed counts.
 */
public final class FeedCapabilityAdmin implements FeedAdmin {
    private static final Duration RATE_WINDOW = Duration.ofDays(7);

    private final Database db;
    private final FeedStore feeds;
    private final ArticlePageStore pages;
    private final Fetcher fetcher;
    private final FeedParser parser;
    private final FeedPoller poller;
    private final PollScheduler scheduler;
    private final FeedUrlPolicy hops;
    private final Clock clock;

    public FeedCapabilityAdmin(Database db, FeedStore feeds, ArticlePageStore pages, Fetcher fetcher, FeedParser parser,
                               FeedPoller poller, PollScheduler scheduler, boolean allowPrivateFeeds, Clock clock) {
        this.db = db;
        this.feeds = feeds;
        this.pages = pages;
        this.fetcher = fetcher;
        this.parser = parser;
        this.poller = poller;
        this.scheduler = scheduler;
        this.hops = new FeedUrlPolicy(allowPrivateFeeds, InetAddress::getAllByName);
        this.clock = clock;
    }

    @Override
    public List<FeedHealth> feeds() {
        Map<Long, Integer> recent = itemsSince(clock.millis() - RATE_WINDOW.toMillis());
        Map<Long, ArticlePageStore.FeedCounts> fullText = pages.countsByFeed();
        return feeds.active().stream().map(f -> health(f, recent.getOrDefault(f.id(), 0), fullText.get(f.id()))).toList();
    }

    /** Fetched and parsed before it is stored, so a page that is not a feed never enters the table; every redirect hop is checked. */
    @Override
    public AddResult add(URI url) {
        Optional<Feed> known = feeds.active().stream().filter(f -> f.url().equals(url.toString())).findFirst();
        if (known.isPresent()) {
            return AddResult.alreadyPresent(known.get().id(), known.get().label());
        }
        ParsedFeed parsed;
        try {
            FetchResult fetched = fetcher.fetch(url, null, null, uri -> hops.parse(uri.toString()).isPresent()
                    && hops.refuse(uri).isEmpty());
            parsed = parser.parse(fetched.body(), fetched.contentType(), fetched.finalUrl());
        } catch (FetchException | FeedParseException e) {
            return AddResult.refused(e.getMessage());
        }
        Feed feed = feeds.add(url.toString(), null);
        poller.poll(feed); // its items are in at once, and its health shows in /feeds
        return AddResult.added(feed.id(), parsed.title() == null ? url.getHost() : parsed.title());
    }

    @Override
    public Optional<FeedHealth> remove(long feedId) {
        Optional<Feed> feed = feeds.byId(feedId).filter(Feed::active);
        if (feed.isEmpty() || !feeds.remove(feedId)) {
            return Optional.empty();
        }
        return Optional.of(health(feed.get(), 0, null));
    }

    @Override
    public PollSummary pollAll() {
        List<PollOutcome> outcomes = scheduler.pollAllNow();
        int failed = (int) outcomes.stream().filter(o -> !o.ok()).count();
        int fresh = outcomes.stream().mapToInt(o -> o.newItems().size()).sum();
        return new PollSummary(outcomes.size(), failed, fresh);
    }

    private FeedHealth health(Feed f, int recentItems, ArticlePageStore.FeedCounts fullText) {
        return new FeedHealth(f.id(), f.url(), f.label(), f.lastSuccessAt(), f.lastStatus(), f.failures(), f.lastError(),
                recentItems / (double) RATE_WINDOW.toDays(), f.kind(), fullText);
    }

    private Map<Long, Integer> itemsSince(long since) {
        return db.read(c -> {
            Map<Long, Integer> counts = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT feed_id, count(*) FROM items WHERE fetched_at >= ? GROUP BY feed_id")) {
                st.setLong(1, since);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getLong(1), rs.getInt(2));
                    }
                }
            }
            return counts;
        });
    }
}
