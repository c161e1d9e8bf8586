package kz.qazdigest.bot;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.qazdigest.store.ArticlePageStore;

/**
 * What the admin commands need from the feed capability. Every method may block (network, database): the
 * bot calls them off the update thread.
 */
public interface FeedAdmin {

    /** Every feed that is not removed, with its health, for {@code /feeds}. */
    List<FeedHealth> feeds();

    /** {@code /addfeed}: fetches the URL once and stores it only if it parses as a feed. */
    AddResult add(URI url);

    /** {@code /removefeed}: soft-removes the feed; empty when there is no such (live) feed. */
    Optional<FeedHealth> remove(long feedId);

    /** {@code /poll}: polls every feed now and waits for the result. */
    PollSummary pollAll();

    /**
     * @param lastSuccessAt null when the feed never answered well
     * @param lastStatus    HTTP status of the last poll, null before the first, 0 for no answer
     * @param itemsPerDay   items stored per day over the last week
     * @param kind          "rss" or the other fetcher that reads it (e.g. "govkz")
     * @param fullText      how its teaser items' article pages went; null when it never had one
     */
    record FeedHealth(long id, String url, String title, Instant lastSuccessAt, Integer lastStatus, int failures,
                      String lastError, double itemsPerDay, String kind, ArticlePageStore.FeedCounts fullText) {}

    record AddResult(Outcome outcome, Long feedId, String title, String reason) {
        public enum Outcome { ADDED, ALREADY_PRESENT, REFUSED }

        public static AddResult added(long feedId, String title) {
            return new AddResult(Outcome.ADDED, feedId, title, null);
        }

        public static AddResult alreadyPresent(long feedId, String title) {
            return new AddResult(Outcome.ALREADY_PRESENT, feedId, title, null);
        }

        /** Not fetched, not a feed, unreachable...: {@code reason} says which, as the feed code words it. */
        public static AddResult refused(String reason) {
            return new AddResult(Outcome.REFUSED, null, null, reason);
        }
    }

    /** @param newItems items stored by this poll; {@code failed} feeds did not answer or did not parse */
    record PollSummary(int feeds, int failed, int newItems) {}
}
