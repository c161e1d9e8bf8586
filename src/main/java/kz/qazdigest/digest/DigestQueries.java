package kz.qazdigest.digest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The digest's reads of subscribers, subscriptions and items; callers own the transaction. */
final class DigestQueries {

    record Subscriber(long chatId, String lang, String schedule, String tz, boolean active, Long nextDigestAt, long sinceAt) {}

    /** An item counts as carried to a chat when it was delivered or sits in an unsent outbox row for the chat. */
    private static final String CARRIED = """
            (EXISTS (SELECT 1 FROM deliveries d WHERE d.chat_id = ? AND d.item_id = %1$s)
             OR EXISTS (SELECT 1 FROM outbox_items oi JOIN outbox o ON o.id = oi.outbox_id
                        WHERE oi.item_id = %1$s AND o.chat_id = ? AND o.state IN ('pending', 'in_flight')))""";

    private DigestQueries() {
    }

    static Optional<Subscriber> subscriber(Connection c, long chatId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT chat_id, lang, schedule, tz, active, next_digest_at, since_at FROM subscribers WHERE chat_id = ?")) {
            ps.setLong(1, chatId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long next = rs.getLong(6);
                Long nextDigestAt = rs.wasNull() ? null : next;
                return Optional.of(new Subscriber(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5) == 1, nextDigestAt, rs.getLong(7)));
            }
        }
    }

    static List<String> topics(Connection c, long chatId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT topic_id FROM subscriptions WHERE chat_id = ?")) {
            ps.setLong(1, chatId);
            List<String> topics = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    topics.add(rs.getString(1));
                }
            }
            return topics;
        }
    }

    /**
     * Ready items matching the chat's topics, published since {@code sinceAt}, not carried to the chat, and not a
     * story (same story_key) whose other edition was carried. Each item lists only the topics it shares with the chat.
     */
    static List<DigestItem> undelivered(Connection c, long chatId, long sinceAt) throws SQLException {
        String sql = """
                SELECT i.id, f.title, i.lang, i.title, COALESCE(i.canonical_url, i.link), i.summary, i.published_at,
                       i.story_key, it.topic_id
                FROM subscriptions s
                JOIN item_topics it ON it.topic_id = s.topic_id
                JOIN items i ON i.id = it.item_id
                JOIN feeds f ON f.id = i.feed_id
                WHERE s.chat_id = ? AND i.ready = 1 AND i.published_at >= ?
                  AND NOT %s
                  AND (i.story_key IS NULL OR NOT EXISTS (
                        SELECT 1 FROM items i2 WHERE i2.story_key = i.story_key AND i2.id <> i.id AND %s))
                ORDER BY i.id""".formatted(CARRIED.formatted("i.id"), CARRIED.formatted("i2.id"));
        Map<Long, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, chatId);
            ps.setLong(2, sinceAt);
            for (int i = 3; i <= 6; i++) {
                ps.setLong(i, chatId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Row row = rows.get(id);
                    if (row == null) {
                        row = new Row(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getLong(7), rs.getString(8));
                        rows.put(id, row);
                    }
                    row.topics.add(rs.getString(9));
                }
            }
        }
        List<DigestItem> items = new ArrayList<>(rows.size());
        for (Row r : rows.values()) {
            items.add(new DigestItem(r.id, r.source, r.lang, r.title, r.link, r.summary, r.publishedAt, r.storyKey, r.topics));
        }
        return items;
    }

    private static final class Row {
        final long id;
        final String source;
        final String lang;
        final String title;
        final String link;
        final String summary;
        final long publishedAt;
        final String storyKey;
        final List<String> topics = new ArrayList<>(2);

        Row(long id, String source, String lang, String title, String link, String summary, long publishedAt, String storyKey) {
            this.id = id;
            this.source = source == null ? "" : source;
            this.lang = lang;
            this.title = title;
            this.link = link;
            this.summary = summary;
            this.publishedAt = publishedAt;
            this.storyKey = storyKey;
        }
    }

    /**
     * Edition keys of items carried to the chat that were published from {@code from} on: a story arriving in a
     * second language after the first edition went out is recognised by its address.
     */
    static Set<String> carriedEditionKeys(Connection c, long chatId, long from) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT COALESCE(i.canonical_url, i.link) FROM items i
                WHERE i.published_at >= ? AND %s""".formatted(CARRIED.formatted("i.id")))) {
            ps.setLong(1, from);
            ps.setLong(2, chatId);
            ps.setLong(3, chatId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = EditionKey.of(rs.getString(1));
                    if (key != null) {
                        keys.add("url:" + key);
                    }
                }
            }
        }
        return keys;
    }

    /** Active subscribers whose next digest is due. */
    static List<Long> dueChats(Connection c, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT chat_id FROM subscribers WHERE active = 1 AND next_digest_at IS NOT NULL AND next_digest_at <= ?
                ORDER BY next_digest_at, chat_id""")) {
            ps.setLong(1, now);
            return longs(ps);
        }
    }

    /** Active subscribers on a daily or weekly schedule that have no next digest time yet. */
    static List<Long> unscheduledChats(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT chat_id FROM subscribers WHERE active = 1 AND next_digest_at IS NULL
                AND schedule <> 'instant' AND schedule <> 'off'""")) {
            return longs(ps);
        }
    }

    /** Active 'instant' subscribers with a topic of one of these items. */
    static List<Long> instantChatsFor(Connection c, Collection<Long> itemIds) throws SQLException {
        Set<Long> chats = new java.util.LinkedHashSet<>();
        List<Long> ids = List.copyOf(itemIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT DISTINCT s.chat_id FROM subscribers s
                    JOIN subscriptions sub ON sub.chat_id = s.chat_id
                    JOIN item_topics it ON it.topic_id = sub.topic_id
                    WHERE s.active = 1 AND s.schedule = 'instant' AND it.item_id IN (%s)""".formatted(marks))) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                chats.addAll(longs(ps));
            }
        }
        return List.copyOf(chats);
    }

    static void setNextDigest(Connection c, long chatId, Long at, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE subscribers SET next_digest_at = ?, updated_at = ? WHERE chat_id = ?")) {
            if (at == null) {
                ps.setNull(1, Types.BIGINT);
            } else {
                ps.setLong(1, at);
            }
            ps.setLong(2, now);
            ps.setLong(3, chatId);
            ps.executeUpdate();
        }
    }

    private static List<Long> longs(PreparedStatement ps) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }
}
