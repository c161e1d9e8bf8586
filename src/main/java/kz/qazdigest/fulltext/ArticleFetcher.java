package kz.qazdigest.fulltext;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import kz.qazdigest.feed.FetchException;
import kz.qazdigest.feed.FetchResult;
import kz.qazdigest.feed.Fetcher;

/**
 * Fetches one article page with the feeds' HTTP manners ({@link Fetcher}: timeouts, size cap, gzip, at most
 * N redirects, http/https only, our User-Agent), asking the feed's {@link UrlPolicy} before every hop and
 * waiting for the per-host limiter before every request, redirect hops included.
 */
public final class ArticleFetcher {
    /** A page that answered 2xx. */
    public record Page(int status, URI finalUrl, byte[] body, String contentType) {}

    private final Fetcher fetcher;
    private final HostRateLimiter limiter;
    private final UrlPolicy.Resolver resolver;

    public ArticleFetcher(Fetcher fetcher, HostRateLimiter limiter, UrlPolicy.Resolver resolver) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** @param extraHosts the feed's comma-separated extra hosts (nullable) */
    public Page fetch(URI feedUrl, String extraHosts, URI link) throws ArticleFetchException, InterruptedException {
        UrlPolicy policy = new UrlPolicy(feedUrl, hosts(extraHosts), resolver);
        AtomicReference<String> refusal = new AtomicReference<>();
        Predicate<URI> everyHop = uri -> {
            var why = policy.refusal(uri);
            if (why.isPresent()) {
                refusal.set(why.get());
                return false;
            }
            try {
                limiter.acquire(uri.getHost());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the fetcher then fails at once on the interrupted send
            }
            return true;
        };
        try {
            FetchResult r = fetcher.fetch(link, null, null, everyHop);
            return new Page(r.status(), r.finalUrl(), r.body(), r.contentType());
        } catch (FetchException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("fulltext: interrupted while fetching " + link);
            }
            if (refusal.get() != null) {
                String hop = e.url() == null || e.url().equals(link) ? "" : " (redirect to " + e.url() + ")";
                throw new ArticleFetchException("fulltext: refused" + hop + ": " + refusal.get(), true, 0, e);
            }
            throw new ArticleFetchException(e.getMessage(), false, e.status(), e);
        }
    }

    private static List<String> hosts(String extraHosts) {
        return extraHosts == null ? List.of() : Arrays.stream(extraHosts.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
