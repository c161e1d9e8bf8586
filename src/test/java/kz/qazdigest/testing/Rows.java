package kz.qazdigest.testing;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import kz.qazdigest.store.Database;

/**
 * Plain-SQL inserts of the rows other capabilities own (feeds, items, item_topics, subscribers, subscriptions),
 * shaped as the feed and bot code write them, so delivery and digest tests need neither.
 */
public final class Rows {
    private final Database db;

    public Rows(Database db) {
        this.db = db;
    }

    public long feed(String title, String lang) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO feeds (url, title, lang, added_at) VALUES (?, ?, ?, 0) RETURNING id")) {
                ps.setString(1, "https://example.kz/feed/" + title.hashCode() + "/" + lang + "/" + System.nanoTime());
                ps.setString(2, title);
                ps.setString(3, lang);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** A ready item with its topics. */
    public long item(long feedId, String lang, String title, String link, String summary, long publishedAt,
                     String storyKey, String... topics) {
        return db.write(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO items (feed_id, guid, link, canonical_url, content_hash, story_key, lang, title, summary,
                                       published_at, fetched_at, ready)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id""")) {
                ps.setLong(1, feedId);
                ps.setString(2, link);
                ps.setString(3, link);
                ps.setString(4, link);
                ps.setString(5, "hash:" + link + ":" + title);
                ps.setString(6, storyKey);
                ps.setString(7, lang);
                ps.setString(8, title);
                ps.setString(9, summary);
                ps.setLong(10, publishedAt);
                ps.setLong(11, publishedAt);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO item_topics (item_id, topic_id, matched) VALUES (?, ?, ?)")) {
                for (String topic : topics) {
                    ps.setLong(1, id);
                    ps.setString(2, topic);
                    ps.setString(3, topic);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return id;
        });
    }

    public void subscriber(long chatId, String lang, String schedule, String tz, long sinceAt, Long nextDigestAt) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO subscribers (chat_id, chat_type, user_id, lang, schedule, tz, active, next_digest_at,
                                             since_at, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)""")) {
                ps.setLong(1, chatId);
                ps.setString(2, chatId < 0 ? "group" : "private");
                ps.setLong(3, Math.abs(chatId));
                ps.setString(4, lang);
                ps.setString(5, schedule);
                ps.setString(6, tz);
                if (nextDigestAt == null) {
                    ps.setNull(7, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(7, nextDigestAt);
                }
                ps.setLong(8, sinceAt);
                ps.setLong(9, sinceAt);
                ps.setLong(10, sinceAt);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void subscriber(long chatId) {
        subscriber(chatId, "en", "daily 09:00", "Asia/Almaty", 0, null);
    }

    public void subscribe(long chatId, String... topics) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO subscriptions (chat_id, topic_id, created_at) VALUES (?, ?, 0)")) {
                for (String topic : topics) {
                    ps.setLong(1, chatId);
                    ps.setString(2, topic);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public void deactivate(long chatId) {
        update("UPDATE subscribers SET active = 0, inactive_reason = 'stopped' WHERE chat_id = " + chatId);
    }

    public void update(String sql) {
        db.write(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate(sql);
            }
            return null;
        });
    }

    /** First column of every row, as text (null stays null). */
    public List<String> column(String sql) {
        return db.read(c -> {
            List<String> values = new ArrayList<>();
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        });
    }

    public long count(String sql) {
        return Long.parseLong(column(sql).get(0));
    }

    public String value(String sql) {
        List<String> values = column(sql);
        return values.isEmpty() ? null : values.get(0);
    }
}
