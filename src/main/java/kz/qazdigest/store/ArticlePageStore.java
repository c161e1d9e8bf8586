package kz.qazdigest.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kz.qazdigest.text.Analysis;
import kz.qazdigest.topic.TopicMatch;

/**
 * The full-text job's state (table {@code article_pages}, migration V6): which held-back items
 * ({@code items.ready = 0}) still need their page, and how each page went. Every final outcome sets the
 * item ready in the same transaction, so an item is offered to digests exactly once its text is final.
 */
public final class ArticlePageStore {
    private static final Set<String> LANGS = Set.of("kk", "ru", "en");

    /** Final states; "pending" is the only one the job picks up again. */
    public enum State { EXTRACTED, KEPT_TEASER, REFUSED, GAVE_UP;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A held-back item due for (another) attempt, with what the URL policy needs to know about its feed. */
    public record Pending(long itemId, long feedId, String feedUrl, String feedExtraHosts, String link, String title,
                          String body, int attempts) {}

    /** Per-feed counts for admins (/feeds): waiting, extracted, teaser kept (looked wrong, refused, gave up). */
    public record FeedCounts(int pending, int extracted, int keptTeaser, int refused, int gaveUp, String lastError) {
        public int teaserKept() {
            return keptTeaser + refused + gaveUp;
        }
    }

    private final Database db;

    public ArticlePageStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Held-back items never tried, or whose retry time has come, oldest first. */
    public List<Pending> due(Instant now, int limit) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT i.id, i.feed_id, f.url, f.extra_hosts, i.link, "
                    + "i.title, i.body, COALESCE(p.attempts, 0) FROM items i JOIN feeds f ON f.id = i.feed_id "
                    + "LEFT JOIN article_pages p ON p.item_id = i.id WHERE i.ready = 0 "
                    + "AND (p.item_id IS NULL OR (p.state = 'pending' AND p.next_attempt_at <= ?)) ORDER BY i.id LIMIT ?")) {
                FeedStore.bind(st, now.toEpochMilli(), limit);
                List<Pending> due = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Pending(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)));
                    }
                }
                return due;
            }
        });
    }

    /** True when this URL has answered 200 before: it is never fetched again. */
    public boolean answered200(String url) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM article_pages WHERE url = ? AND status = 200")) {
                FeedStore.bind(st, url);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The full article replaces the teaser: body, summary, language and topics, then the item is ready. */
    public void extracted(Pending p, int status, String fullText, Analysis analysis, Instant now) {
        db.write(c -> {
            String lang = LANGS.contains(analysis.lang()) ? analysis.lang() : null;
            String summary = analysis.summary() == null || analysis.summary().isBlank() ? null : analysis.summary();
            try (PreparedStatement item = c.prepareStatement("UPDATE items SET body = ?, summary = ?, "
                    + "lang = COALESCE(?, lang), ready = 1 WHERE id = ?");
                 PreparedStatement clear = c.prepareStatement("DELETE FROM item_topics WHERE item_id = ?");
                 PreparedStatement topic = c.prepareStatement("INSERT INTO item_topics (item_id, topic_id, matched) "
                         + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                FeedStore.bind(item, fullText, summary, lang, p.itemId());
                item.executeUpdate();
                FeedStore.bind(clear, p.itemId());
                clear.executeUpdate();
                for (TopicMatch t : analysis.topics()) {
                    FeedStore.bind(topic, p.itemId(), t.topicId(), String.join("|", t.matched()));
                    topic.executeUpdate();
                }
            }
            record(c, p, State.EXTRACTED.column(), status, null, now, now);
            return null;
        });
    }

    /** A final outcome without full text: the teaser and its analysis stay, the item is ready. */
    public void keptTeaser(Pending p, State state, int status, String error, Instant now) {
        if (state == State.EXTRACTED) {
            throw new IllegalArgumentException("store: use extracted() for an extracted page");
        }
        db.write(c -> {
            try (PreparedStatement item = c.prepareStatement("UPDATE items SET ready = 1 WHERE id = ?")) {
                FeedStore.bind(item, p.itemId());
                item.executeUpdate();
            }
            record(c, p, state.column(), status, error, now, now);
            return null;
        });
    }

    /** A failed attempt that may be retried at {@code next}; the item stays held back. */
    public void retryLater(Pending p, int status, String error, Instant next, Instant now) {
        db.write(c -> {
            record(c, p, "pending", status, error, next, now);
            return null;
        });
    }

    private static void record(java.sql.Connection c, Pending p, String state, int status, String error,
                               Instant nextAttempt, Instant now) throws java.sql.SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO article_pages (url, item_id, feed_id, state, status, "
                + "attempts, next_attempt_at, fetched_at, error) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?) "
                + "ON CONFLICT (url) DO UPDATE SET state = excluded.state, status = excluded.status, "
                + "attempts = article_pages.attempts + 1, next_attempt_at = excluded.next_attempt_at, "
                + "fetched_at = excluded.fetched_at, error = excluded.error")) {
            FeedStore.bind(st, p.link(), p.itemId(), p.feedId(), state, status, nextAttempt.toEpochMilli(),
                    now.toEpochMilli(), error);
            st.executeUpdate();
        }
    }

    /** Per feed: how its held-back items fared, with the latest error; feeds without any are absent. */
    public Map<Long, FeedCounts> countsByFeed() {
        return db.read(c -> {
            Map<Long, FeedCounts> counts = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT i.feed_id, "
                    + "SUM(CASE WHEN p.item_id IS NULL OR p.state = 'pending' THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN p.state = 'extracted' THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN p.state = 'kept_teaser' THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN p.state = 'refused' THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN p.state = 'gave_up' THEN 1 ELSE 0 END), "
                    + "(SELECT p2.error FROM article_pages p2 WHERE p2.feed_id = i.feed_id AND p2.error IS NOT NULL "
                    + " ORDER BY p2.fetched_at DESC LIMIT 1) "
                    + "FROM items i LEFT JOIN article_pages p ON p.item_id = i.id "
                    + "WHERE i.ready = 0 OR p.item_id IS NOT NULL GROUP BY i.feed_id ORDER BY i.feed_id");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getLong(1), new FeedCounts(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6), rs.getString(7)));
                }
            }
            return counts;
        });
    }
}
