package kz.qazdigest.fulltext;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import kz.qazdigest.config.Settings;
import kz.qazdigest.store.ArticlePageStore;
import kz.qazdigest.store.ArticlePageStore.Pending;
import kz.qazdigest.store.ArticlePageStore.State;
import kz.qazdigest.store.Item;
import kz.qazdigest.store.ItemStore;
import kz.qazdigest.text.Analysis;
import kz.qazdigest.text.ArticleAnalyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes held-back items (ready = 0): fetch the article page, extract it, and when the extraction is
 * plausible re-analyse title + whole article, replacing body, summary and topics; otherwise keep the teaser.
 * Either way the item becomes ready and is announced to {@code onReady} (instant digests). A failed fetch is
 * retried with backoff up to {@code fullText.maxAttempts}; 404-like answers and refused URLs are final.
 */
public final class FullTextProcessor {
    private static final Logger log = LoggerFactory.getLogger(FullTextProcessor.class);
    private static final int BATCH = 500;
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration MAX_RETRY = Duration.ofHours(1);

    /** What one round did. */
    public record Round(int extracted, int keptTeaser, int retrying) {
        public int total() {
            return extracted + keptTeaser + retrying;
        }
    }

    private final ArticlePageStore pages;
    private final ItemStore items;
    private final ArticleFetcher fetcher;
    private final ArticleExtractor extractor;
    private final ArticleAnalyzer analyzer;
    private final Settings.FullText settings;
    private final Clock clock;
    private final Consumer<List<Item>> onReady;

    public FullTextProcessor(ArticlePageStore pages, ItemStore items, ArticleFetcher fetcher, ArticleExtractor extractor,
                             ArticleAnalyzer analyzer, Settings.FullText settings, Clock clock,
                             Consumer<List<Item>> onReady) {
        this.pages = Objects.requireNonNull(pages, "pages");
        this.items = Objects.requireNonNull(items, "items");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onReady = Objects.requireNonNull(onReady, "onReady");
    }

    /** Works through every due item on {@code pool} (the per-host limiter paces each site); returns the tally. */
    public Round runOnce(ExecutorService pool) {
        List<Pending> due = pages.due(clock.instant(), BATCH);
        AtomicInteger extracted = new AtomicInteger();
        AtomicInteger kept = new AtomicInteger();
        AtomicInteger retrying = new AtomicInteger();
        List<CompletableFuture<Void>> running = new ArrayList<>(due.size());
        for (Pending p : due) {
            running.add(CompletableFuture.runAsync(() -> {
                switch (process(p)) {
                    case EXTRACTED -> extracted.incrementAndGet();
                    case KEPT -> kept.incrementAndGet();
                    case RETRY -> retrying.incrementAndGet();
                }
            }, pool));
        }
        running.forEach(CompletableFuture::join);
        Round round = new Round(extracted.get(), kept.get(), retrying.get());
        if (round.total() > 0) {
            log.info("fulltext round extracted={} kept_teaser={} retrying={}", round.extracted(), round.keptTeaser(),
                    round.retrying());
        }
        return round;
    }

    enum Outcome { EXTRACTED, KEPT, RETRY }

    Outcome process(Pending p) {
        try {
            return attempt(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.RETRY; // shutting down: the row stays as it was and the next start picks it up
        } catch (RuntimeException e) { // a store or analyser fault: count it as an attempt, keep the others going
            log.warn("fulltext: item_id={} failed unexpectedly", p.itemId(), e);
            return failed(p, 0, "fulltext: " + oneLine(String.valueOf(e.getMessage())), false);
        }
    }

    private Outcome attempt(Pending p) throws InterruptedException {
        Instant now = clock.instant();
        URI link;
        try {
            link = new URI(p.link().strip());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return keep(p, State.REFUSED, 0, "fulltext: malformed link '" + oneLine(String.valueOf(p.link())) + "'");
        }
        if (pages.answered200(p.link())) { // never refetch a page that answered once
            return keep(p, State.KEPT_TEASER, 200, "fulltext: page already fetched once");
        }
        ArticleFetcher.Page page;
        try {
            page = fetcher.fetch(URI.create(p.feedUrl().strip()), p.feedExtraHosts(), link);
        } catch (ArticleFetchException e) {
            if (e.refused()) {
                return keep(p, State.REFUSED, 0, e.getMessage());
            }
            return failed(p, e.status(), e.getMessage(), e.permanent());
        }
        Extraction extraction = extractor.extract(page.body(), page.contentType(), page.finalUrl());
        Optional<String> problem = Plausibility.problem(extraction, p.body());
        if (problem.isPresent()) {
            return keep(p, State.KEPT_TEASER, page.status(), "fulltext: extraction looks wrong: " + problem.get());
        }
        String fullText = extraction.text();
        Analysis analysis = analyzer.analyze(p.title(), fullText);
        pages.extracted(p, page.status(), fullText, analysis, now);
        announce(p);
        log.debug("fulltext item_id={} extracted chars={}", p.itemId(), fullText.length());
        return Outcome.EXTRACTED;
    }

    private Outcome failed(Pending p, int status, String error, boolean permanent) {
        Instant now = clock.instant();
        int attempts = p.attempts() + 1;
        if (permanent || attempts >= settings.maxAttempts()) {
            String why = permanent ? error : error + " (gave up after " + attempts + " attempts)";
            return keep(p, State.GAVE_UP, status, why);
        }
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10));
        pages.retryLater(p, status, error, now.plus(wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait), now);
        log.info("fulltext item_id={} attempt={} failed: {}", p.itemId(), attempts, error);
        return Outcome.RETRY;
    }

    private Outcome keep(Pending p, State state, int status, String error) {
        pages.keptTeaser(p, state, status, error, clock.instant());
        log.info("fulltext item_id={} kept the teaser: {}", p.itemId(), error);
        announce(p);
        return Outcome.KEPT;
    }

    private void announce(Pending p) {
        try {
            items.byId(p.itemId()).ifPresent(item -> onReady.accept(List.of(item)));
        } catch (RuntimeException e) { // the item is stored and ready; a listener fault is its own business
            log.warn("fulltext: item_id={} ready-listener failed", p.itemId(), e);
        }
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("[\\r\\n\\t]+", " ").trim();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
