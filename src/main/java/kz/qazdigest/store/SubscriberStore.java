package kz.qazdigest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.qazdigest.config.Settings;
import kz.qazdigest.digest.Schedule;

/**
 * Chats that talk to the bot and the topics they follow (tables subscribers and subscriptions of V1).
 * A chat is registered by its first command; {@code /stop} deactivates it and {@code /start} resumes it
 * with its topics, language and schedule kept.
 */
public final class SubscriberStore {
    private static final String COLUMNS =
            "chat_id, chat_type, user_id, lang, schedule, tz, active, inactive_reason, next_digest_at, since_at";

    private final Database db;
    private final Settings.Digest defaults;
    private final Clock clock;

    public SubscriberStore(Database db, Settings.Digest defaults, Clock clock) {
        this.db = db;
        this.defaults = defaults;
        this.clock = clock;
    }

    public record Subscriber(long chatId, String chatType, Long userId, String lang, String schedule, String tz,
                             boolean active, String inactiveReason, Long nextDigestAt, long sinceAt) {}

    /** What {@code /start} did: registered a new chat, resumed a stopped one, or found it already active. */
    public record Started(Subscriber subscriber, boolean created, boolean resumed) {}

    /** Subscribers and topics at a glance, for {@code /stats}. */
    public record Counts(int active, int total, Map<String, Integer> activeByLang, Map<String, Integer> topTopics) {}

    /** Registers the chat, or reactivates it after {@code /stop} (topics kept), and plans its next digest. */
    public Started start(long chatId, String chatType, long userId, String lang) {
        return db.write(c -> {
            Optional<Subscriber> before = find(c, chatId);
            if (before.isEmpty()) {
                insert(c, chatId, chatType, userId, lang);
                return new Started(find(c, chatId).orElseThrow(), true, false);
            }
            if (before.get().active()) {
                return new Started(before.get(), false, false);
            }
            long now = clock.millis();
            Subscriber old = before.get();
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE subscribers SET active = 1, inactive_reason = NULL, next_digest_at = ?, updated_at = ? WHERE chat_id = ?")) {
                setNullableLong(st, 1, nextDigest(old.schedule(), old.tz()));
                st.setLong(2, now);
                st.setLong(3, chatId);
                st.executeUpdate();
            }
            return new Started(find(c, chatId).orElseThrow(), false, true);
        });
    }

    /** The chat's row, registering it (active, with the defaults) if this is its first word to the bot. */
    public Subscriber ensure(long chatId, String chatType, long userId, String lang) {
        return db.write(c -> {
            Optional<Subscriber> existing = find(c, chatId);
            if (existing.isPresent()) {
                return existing.get();
            }
            insert(c, chatId, chatType, userId, lang);
            return find(c, chatId).orElseThrow();
        });
    }

    public Optional<Subscriber> find(long chatId) {
        return db.read(c -> find(c, chatId));
    }

    /** {@code /stop}: no more digests or broadcasts; returns false when the chat was not active. */
    public boolean stop(long chatId) {
        return db.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE subscribers SET active = 0, inactive_reason = 'stopped', next_digest_at = NULL, updated_at = ? "
                            + "WHERE chat_id = ? AND active = 1")) {
                st.setLong(1, clock.millis());
                st.setLong(2, chatId);
                return st.executeUpdate() > 0;
            }
        });
    }

    public void setLang(long chatId, String lang) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE subscribers SET lang = ?, updated_at = ? WHERE chat_id = ?")) {
                st.setString(1, lang);
                st.setLong(2, clock.millis());
                st.setLong(3, chatId);
                return st.executeUpdate();
            }
        });
    }

    /** Stores the schedule in its canonical form and recomputes when the next digest is due. */
    public Subscriber setSchedule(long chatId, Schedule schedule) {
        return db.write(c -> {
            Subscriber s = find(c, chatId).orElseThrow(() -> new StoreException("subscribers: no chat " + chatId, null));
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE subscribers SET schedule = ?, next_digest_at = ?, updated_at = ? WHERE chat_id = ?")) {
                st.setString(1, schedule.toString());
                // a stopped chat keeps no due time: /start computes it on resume
                setNullableLong(st, 2, s.active() ? nextDigest(schedule.toString(), s.tz()) : null);
                st.setLong(3, clock.millis());
                st.setLong(4, chatId);
                st.executeUpdate();
            }
            return find(c, chatId).orElseThrow();
        });
    }

    /** Adds topics; returns those that were not followed before, in the given order. */
    public Set<String> subscribe(long chatId, Collection<String> topicIds) {
        return db.write(c -> {
            Set<String> added = new LinkedHashSet<>();
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO subscriptions (chat_id, topic_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (String topic : new LinkedHashSet<>(topicIds)) {
                    st.setLong(1, chatId);
                    st.setString(2, topic);
                    st.setLong(3, clock.millis());
                    if (st.executeUpdate() > 0) {
                        added.add(topic);
                    }
                }
            }
            return added;
        });
    }

    /** Removes topics; returns those that were followed. */
    public Set<String> unsubscribe(long chatId, Collection<String> topicIds) {
        return db.write(c -> {
            Set<String> removed = new LinkedHashSet<>();
            try (PreparedStatement st = c.prepareStatement("DELETE FROM subscriptions WHERE chat_id = ? AND topic_id = ?")) {
                for (String topic : new LinkedHashSet<>(topicIds)) {
                    st.setLong(1, chatId);
                    st.setString(2, topic);
                    if (st.executeUpdate() > 0) {
                        removed.add(topic);
                    }
                }
            }
            return removed;
        });
    }

    /** Flips one topic (the inline keyboard); returns whether the chat follows it now. */
    public boolean toggle(long chatId, String topicId) {
        return db.write(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM subscriptions WHERE chat_id = ? AND topic_id = ?")) {
                del.setLong(1, chatId);
                del.setString(2, topicId);
                if (del.executeUpdate() > 0) {
                    return false;
                }
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO subscriptions (chat_id, topic_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                ins.setLong(1, chatId);
                ins.setString(2, topicId);
                ins.setLong(3, clock.millis());
                ins.executeUpdate();
            }
            return true;
        });
    }

    /** The chat's topic ids, sorted. */
    public Set<String> topics(long chatId) {
        return db.read(c -> {
            Set<String> topics = new LinkedHashSet<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT topic_id FROM subscriptions WHERE chat_id = ? ORDER BY topic_id")) {
                st.setLong(1, chatId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        topics.add(rs.getString(1));
                    }
                }
            }
            return topics;
        });
    }

    public Counts counts(int topTopics) {
        return db.read(c -> {
            int active = 0;
            int total = 0;
            Map<String, Integer> byLang = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT lang, active, count(*) FROM subscribers GROUP BY lang, active ORDER BY lang");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    int n = rs.getInt(3);
                    total += n;
                    if (rs.getInt(2) == 1) {
                        active += n;
                        byLang.merge(rs.getString(1), n, Integer::sum);
                    }
                }
            }
            Map<String, Integer> top = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT s.topic_id, count(*) AS n FROM subscriptions s JOIN subscribers b ON b.chat_id = s.chat_id "
                            + "WHERE b.active = 1 GROUP BY s.topic_id ORDER BY n DESC, s.topic_id LIMIT ?")) {
                st.setInt(1, topTopics);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        top.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return new Counts(active, total, byLang, top);
        });
    }

    private void insert(Connection c, long chatId, String chatType, long userId, String lang) throws SQLException {
        long now = clock.millis();
        String schedule = Schedule.of(defaults.defaultSchedule()).toString();
        String tz = defaults.defaultTimeZone().getId();
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO subscribers (chat_id, chat_type, user_id, lang, schedule, tz, active, next_digest_at, since_at, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            st.setLong(1, chatId);
            st.setString(2, chatType);
            st.setLong(3, userId);
            st.setString(4, lang);
            st.setString(5, schedule);
            st.setString(6, tz);
            setNullableLong(st, 7, nextDigest(schedule, tz));
            st.setLong(8, now - defaults.recentWindow().toMillis());
            st.setLong(9, now);
            st.setLong(10, now);
            st.executeUpdate();
        }
    }

    private Long nextDigest(String schedule, String tz) {
        return Schedule.of(schedule).nextAfter(Instant.now(clock), ZoneId.of(tz)).map(Instant::toEpochMilli).orElse(null);
    }

    private static Optional<Subscriber> find(Connection c, long chatId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM subscribers WHERE chat_id = ?")) {
            st.setLong(1, chatId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long userId = rs.getLong(3);
                Long user = rs.wasNull() ? null : userId;
                long next = rs.getLong(9);
                Long nextAt = rs.wasNull() ? null : next;
                return Optional.of(new Subscriber(rs.getLong(1), rs.getString(2), user, rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getInt(7) == 1, rs.getString(8), nextAt, rs.getLong(10)));
            }
        }
    }

    private static void setNullableLong(PreparedStatement st, int index, Long value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.BIGINT);
        } else {
            st.setLong(index, value);
        }
    }
}
