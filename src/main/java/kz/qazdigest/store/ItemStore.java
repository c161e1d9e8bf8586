package kz.qazdigest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kz.qazdigest.text.Analysis;
import kz.qazdigest.topic.TopicMatch;

/**
 * The {@code items} and {@code item_topics} tables. {@link #insertNew} stores an entry only when its guid
 * (within the feed), canonical URL and content hash are all unseen, and returns just those it stored: the
 * same story twice (tracking parameters, another feed, twice in one batch) is one item.
 */
public final class ItemStore {
    private static final Set<String> LANGS = Set.of("kk", "ru", "en");
    private static final String COLUMNS = "id, feed_id, guid, lang, title, link, summary, body, published_at, fetched_at";

    private final Database db;
    private final Clock clock;

    public ItemStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Stores the entries not seen before, with their topics, in one write transaction; returns the new items. */
    public List<Item> insertNew(Feed feed, List<AnalyzedEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Instant fetchedAt = clock.instant();
        return db.write(c -> {
            List<Item> fresh = new ArrayList<>();
            try (PreparedStatement seen = c.prepareStatement("SELECT 1 FROM items WHERE (feed_id = ? AND guid = ?) "
                    + "OR canonical_url = ? OR content_hash = ? LIMIT 1");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO items (feed_id, guid, link, canonical_url, "
                         + "content_hash, lang, title, body, summary, published_at, fetched_at) "
                         + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id");
                 PreparedStatement topic = c.prepareStatement("INSERT INTO item_topics (item_id, topic_id, matched) "
                         + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (AnalyzedEntry e : entries) {
                    String hash = ContentHash.of(e.title(), e.body());
                    FeedStore.bind(seen, feed.id(), e.guid(), e.canonicalUrl(), hash);
                    try (ResultSet rs = seen.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                    Analysis a = e.analysis();
                    String lang = LANGS.contains(a.lang()) ? a.lang() : feed.lang();
                    String summary = a.summary() == null || a.summary().isBlank() ? null : a.summary();
                    FeedStore.bind(insert, feed.id(), e.guid(), e.link(), e.canonicalUrl(), hash, lang, e.title(),
                            e.body(), summary, e.publishedAt().toEpochMilli(), fetchedAt.toEpochMilli());
                    long id;
                    try (ResultSet rs = insert.executeQuery()) {
                        if (!rs.next()) {
                            continue; // lost a race on a unique index: someone else stored it
                        }
                        id = rs.getLong(1);
                    }
                    for (TopicMatch t : a.topics()) {
                        FeedStore.bind(topic, id, t.topicId(), String.join("|", t.matched()));
                        topic.executeUpdate();
                    }
                    fresh.add(new Item(id, feed.id(), e.guid(), lang, e.title(), e.link(), summary, e.body(),
                            e.publishedAt(), fetchedAt, a.topics()));
                }
            }
            return fresh;
        });
    }

    public Optional<Item> byId(long itemId) {
        List<Item> items = db.read(c -> query(c, "SELECT " + COLUMNS + " FROM items WHERE id = ?", List.of(itemId)));
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
    }

    /**
     * Ready items published at or after {@code since} carrying any of {@code topicIds}, newest first, at most
     * {@code limit}. The digest builder narrows this further (what a chat already got).
     */
    public List<Item> recentByTopics(Collection<String> topicIds, Instant since, int limit) {
        if (topicIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(topicIds);
        args.add(since.toEpochMilli());
        args.add(limit);
        String sql = "SELECT " + COLUMNS + " FROM items WHERE ready = 1 AND id IN (SELECT item_id FROM item_topics "
                + "WHERE topic_id IN (" + placeholders(topicIds.size()) + ")) AND published_at >= ? "
                + "ORDER BY published_at DESC, id DESC LIMIT ?";
        return db.read(c -> query(c, sql, args));
    }

    /** Ready items published at or after {@code since}, newest first, whatever their topics. */
    public List<Item> recent(Instant since, int limit) {
        return db.read(c -> query(c, "SELECT " + COLUMNS + " FROM items WHERE ready = 1 AND published_at >= ? "
                + "ORDER BY published_at DESC, id DESC LIMIT ?", List.of(since.toEpochMilli(), limit)));
    }

    public long count() {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM items");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static List<Item> query(Connection c, String sql, List<Object> args) throws SQLException {
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            FeedStore.bind(st, args.toArray());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), new Object[] {rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            FeedStore.instant(rs, 9), FeedStore.instant(rs, 10)});
                }
            }
        }
        Map<Long, List<TopicMatch>> topics = topics(c, rows.keySet());
        List<Item> items = new ArrayList<>(rows.size());
        rows.forEach((id, r) -> items.add(new Item(id, (Long) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], (Instant) r[7], (Instant) r[8],
                topics.getOrDefault(id, List.of()))));
        return items;
    }

    private static Map<Long, List<TopicMatch>> topics(Connection c, Collection<Long> itemIds) throws SQLException {
        if (itemIds.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<Long, List<TopicMatch>> topics = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT item_id, topic_id, matched FROM item_topics WHERE item_id IN ("
                + placeholders(itemIds.size()) + ") ORDER BY item_id, topic_id")) {
            FeedStore.bind(st, itemIds.toArray());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String matched = rs.getString(3);
                    topics.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new TopicMatch(rs.getString(2),
                            matched.isEmpty() ? List.of() : List.of(matched.split("\\|"))));
                }
            }
        }
        return topics;
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
