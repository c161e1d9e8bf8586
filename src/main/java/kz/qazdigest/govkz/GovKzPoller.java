package kz.qazdigest.govkz;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import kz.qazdigest.config.Settings;
import kz.qazdigest.feed.FetchException;
import kz.qazdigest.feed.FetchResult;
import kz.qazdigest.feed.Fetcher;
import kz.qazdigest.feed.UrlCanonicalizer;
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
 * Polls gov.kz news listings (feeds of kind "govkz"): one request per language of the outline (OPML
 * {@code language="kk,ru,en"}, all three by default) with that {@code Accept-Language}, the entries stored
 * like a feed's with a story key shared across languages. The API bodies are whole articles, so nothing
 * waits for full text. A refusal (401/403, an HTML page, an error object) is recorded as the feed's
 * last_error, visible in /feeds; the languages that did answer are still stored.
 */
public final class GovKzPoller {
    private static final Logger log = LoggerFactory.getLogger(GovKzPoller.class);
    private static final List<String> ALL = List.of("kk", "ru", "en");

    /** What one poll did: new items, and the error line when any language failed. */
    public record Outcome(Feed feed, List<Item> newItems, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    public static final String KIND = "govkz";

    private final Fetcher fetcher;
    private final ArticleAnalyzer analyzer;
    private final FeedStore feeds;
    private final ItemStore items;
    private final Settings.Feeds settings;
    private final Clock clock;
    private final Consumer<List<Item>> onNewItems;

    public GovKzPoller(Fetcher fetcher, ArticleAnalyzer analyzer, FeedStore feeds, ItemStore items,
                       Settings.Feeds settings, Clock clock, Consumer<List<Item>> onNewItems) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.items = Objects.requireNonNull(items, "items");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onNewItems = Objects.requireNonNull(onNewItems, "onNewItems");
    }

    /** Polls every gov.kz listing that is due. */
    public List<Outcome> pollDue() {
        return feeds.dueOfKind(KIND, clock.instant()).stream().map(this::poll).toList();
    }

    /** Polls every gov.kz listing now, due or not (an admin's /poll). */
    public List<Outcome> pollAll() {
        return feeds.active().stream().filter(f -> KIND.equals(f.kind())).map(this::poll).toList();
    }

    /** Polls one listing; never throws: failures are recorded on the feed. */
    public Outcome poll(Feed feed) {
        Instant now = clock.instant();
        List<String> errors = new ArrayList<>();
        List<AnalyzedEntry> entries = new ArrayList<>();
        int lastStatus = 0;
        GovKzListing listing = GovKzListing.of(URI.create(feed.url().strip())).orElse(null);
        if (listing == null) {
            errors.add("govkz: " + feed.url() + " is not a gov.kz news listing (" + GovKzListing.PATH
                    + "?projects=eq:<project>)");
        } else {
            for (String lang : languages(feed.lang())) {
                try {
                    FetchResult r = fetcher.fetch(listing.url(), null, null, u -> true,
                            Map.of("Accept", "application/json", "Accept-Language", lang));
                    lastStatus = r.status();
                    for (GovKzEntry e : GovKzParser.parse(listing, lang, r.body(), r.contentType())) {
                        entries.add(analyzed(e, now));
                    }
                } catch (FetchException e) {
                    lastStatus = e.status();
                    String why = e.status() == 401 || e.status() == 403
                            ? "govkz: the news API refused a plain request (" + e.getMessage().replaceFirst("^fetcher: ", "")
                            + "); see README" : e.getMessage();
                    errors.add("[" + lang + "] " + why);
                } catch (GovKzException e) {
                    errors.add("[" + lang + "] " + e.getMessage());
                }
            }
        }
        List<Item> fresh = entries.isEmpty() ? List.of() : items.insertNew(feed, entries);
        String error = errors.isEmpty() ? null : String.join("; ", errors);
        if (error == null) {
            feeds.markSuccess(feed.id(), lastStatus, null, null, null, now, now.plus(settings.pollInterval()));
        } else {
            feeds.markFailure(feed.id(), lastStatus, error, now, now.plus(backoff(feed.failures() + 1)));
            log.info("govkz feed_id={} error=\"{}\"", feed.id(), error);
        }
        if (!fresh.isEmpty()) {
            try {
                onNewItems.accept(fresh);
            } catch (RuntimeException e) {
                log.warn("govkz feed_id={} new-items listener failed", feed.id(), e);
            }
        }
        return new Outcome(feed, fresh, error);
    }

    private AnalyzedEntry analyzed(GovKzEntry e, Instant now) {
        Analysis a = analyzer.analyze(e.title(), e.bodyText());
        // the listing was asked for this language: trust it over the detector
        Analysis withLang = new Analysis(e.lang(), a.topics(), a.summary());
        return new AnalyzedEntry(e.guid(), e.link(), UrlCanonicalizer.canonical(e.link()), e.title(), e.bodyText(),
                e.publishedAt() != null ? e.publishedAt() : now, withLang, e.storyKey(), true);
    }

    private Duration backoff(int failures) {
        Duration d = settings.pollInterval().multipliedBy(1L << Math.min(failures, 16));
        return d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d;
    }

    static List<String> languages(String attribute) {
        if (attribute == null || attribute.isBlank()) {
            return ALL;
        }
        List<String> langs = Arrays.stream(attribute.toLowerCase(Locale.ROOT).split("[,\\s]+"))
                .filter(ALL::contains).distinct().toList();
        return langs.isEmpty() ? ALL : langs;
    }
}
