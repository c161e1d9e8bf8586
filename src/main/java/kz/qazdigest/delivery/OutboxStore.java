package kz.qazdigest.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The SQL of the outbox, deliveries and the chat-level consequences of delivery errors. Callers own the transaction. */
final class OutboxStore {
    static final String PENDING = "pending";
    static final String IN_FLIGHT = "in_flight";
    static final String SENT = "sent";
    static final String PARKED = "parked";
    static final String DROPPED = "dropped";

    /** A pending row as the sender sees it. */
    record Due(long id, long chatId, int lane, String payload, Long broadcastId) {}

    private OutboxStore() {
    }

    static long insert(Connection c, long chatId, Lane lane, String kind, String payload, Long broadcastId, long now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outbox (chat_id, lane, kind, payload, state, attempts, next_attempt_at, broadcast_id, created_at)
                VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?) RETURNING id""")) {
            ps.setLong(1, chatId);
            ps.setInt(2, lane.priority());
            ps.setString(3, kind);
            ps.setString(4, payload);
            ps.setLong(5, now);
            setNullableLong(ps, 6, broadcastId);
            ps.setLong(7, now);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void insertItems(Connection c, long outboxId, Collection<Long> itemIds) throws SQLException {
        if (itemIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox_items (outbox_id, item_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (long itemId : itemIds) {
                ps.setLong(1, outboxId);
                ps.setLong(2, itemId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Pending rows due now, by lane then age, after (lane, id) for paging. */
    static List<Due> due(Connection c, long now, int afterLane, long afterId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, chat_id, lane, payload, broadcast_id FROM outbox
                WHERE state = 'pending' AND next_attempt_at <= ? AND (lane > ? OR (lane = ? AND id > ?))
                ORDER BY lane, id LIMIT ?""")) {
            ps.setLong(1, now);
            ps.setInt(2, afterLane);
            ps.setInt(3, afterLane);
            ps.setLong(4, afterId);
            ps.setInt(5, limit);
            List<Due> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long b = rs.getLong(5);
                    rows.add(new Due(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.wasNull() ? null : b));
                }
            }
            return rows;
        }
    }

    /** The earliest next_attempt_at of a pending row, or Long.MAX_VALUE. */
    static long nextDueAt(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending'");
             ResultSet rs = ps.executeQuery()) {
            long v = rs.next() ? rs.getLong(1) : 0;
            return rs.wasNull() ? Long.MAX_VALUE : v;
        }
    }

    static int unsettled(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'in_flight')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Marks each row in flight unless it changed meanwhile (dropped, moved); returns the rows that were marked. */
    static List<Due> markInFlight(Connection c, List<Due> rows) throws SQLException {
        List<Due> marked = new ArrayList<>(rows.size());
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET state = 'in_flight' WHERE id = ? AND chat_id = ? AND state = 'pending'")) {
            for (Due row : rows) {
                ps.setLong(1, row.id());
                ps.setLong(2, row.chatId());
                if (ps.executeUpdate() == 1) {
                    marked.add(row);
                }
            }
        }
        return marked;
    }

    /** Rows marked in flight that never reached a worker (the sender stopped first) go back to the queue. */
    static void unmarkInFlight(Connection c, Collection<Due> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET state = 'pending' WHERE id = ? AND state = 'in_flight'")) {
            for (Due row : rows) {
                ps.setLong(1, row.id());
                ps.executeUpdate();
            }
        }
    }

    /** Accepted by Telegram: the row is sent and its items count as delivered to the chat. */
    static void markSent(Connection c, long id, long chatId, int messageId, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET state = 'sent', sent_at = ?, telegram_message_id = ?, last_error = NULL WHERE id = ?")) {
            ps.setLong(1, now);
            ps.setLong(2, messageId);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO deliveries (chat_id, item_id, delivered_at)
                SELECT ?, item_id, ? FROM outbox_items WHERE outbox_id = ?
                ON CONFLICT DO NOTHING""")) {
            ps.setLong(1, chatId);
            ps.setLong(2, now);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    static void retryLater(Connection c, long id, long nextAttemptAt, boolean countAttempt, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE outbox SET state = 'pending', next_attempt_at = ?, attempts = attempts + ?, last_error = ?
                WHERE id = ?""")) {
            ps.setLong(1, nextAttemptAt);
            ps.setInt(2, countAttempt ? 1 : 0);
            ps.setString(3, error);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    static void park(Connection c, long id, boolean countAttempt, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET state = 'parked', attempts = attempts + ?, last_error = ? WHERE id = ?")) {
            ps.setInt(1, countAttempt ? 1 : 0);
            ps.setString(2, error);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    static int attempts(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT attempts FROM outbox WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /**
     * The chat blocked the bot or is gone: the subscriber becomes inactive and every unsent row for it is dropped.
     * Returns the broadcasts those rows belonged to, whose progress changed.
     */
    static Set<Long> dropChat(Connection c, long chatId, String inactiveReason, String error, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE subscribers SET active = 0, inactive_reason = ?, updated_at = ? WHERE chat_id = ?")) {
            ps.setString(1, inactiveReason);
            ps.setLong(2, now);
            ps.setLong(3, chatId);
            ps.executeUpdate();
        }
        Set<Long> broadcasts = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT DISTINCT broadcast_id FROM outbox
                WHERE chat_id = ? AND state IN ('pending', 'in_flight') AND broadcast_id IS NOT NULL""")) {
            ps.setLong(1, chatId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    broadcasts.add(rs.getLong(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE outbox SET state = 'dropped', last_error = ?
                WHERE chat_id = ? AND state IN ('pending', 'in_flight')""")) {
            ps.setString(1, error);
            ps.setLong(2, chatId);
            ps.executeUpdate();
        }
        return broadcasts;
    }

    /**
     * A group became a supergroup: the subscriber (with its topics and what it already received) and every
     * unsent row move to the new chat id; the old row stays, inactive, so nothing is sent there again.
     */
    static void migrateChat(Connection c, long oldChatId, long newChatId, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO subscribers (chat_id, chat_type, user_id, lang, schedule, tz, active, inactive_reason,
                                         next_digest_at, since_at, created_at, updated_at)
                SELECT ?, 'supergroup', user_id, lang, schedule, tz, active, inactive_reason, next_digest_at, since_at,
                       created_at, ?
                FROM subscribers WHERE chat_id = ?
                ON CONFLICT DO NOTHING""")) {
            ps.setLong(1, newChatId);
            ps.setLong(2, now);
            ps.setLong(3, oldChatId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO subscriptions (chat_id, topic_id, created_at)
                SELECT ?, topic_id, created_at FROM subscriptions WHERE chat_id = ?
                ON CONFLICT DO NOTHING""")) {
            ps.setLong(1, newChatId);
            ps.setLong(2, oldChatId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM subscriptions WHERE chat_id = ?")) {
            ps.setLong(1, oldChatId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO deliveries (chat_id, item_id, delivered_at)
                SELECT ?, item_id, delivered_at FROM deliveries WHERE chat_id = ?
                ON CONFLICT DO NOTHING""")) {
            ps.setLong(1, newChatId);
            ps.setLong(2, oldChatId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE subscribers SET active = 0, inactive_reason = 'migrated', updated_at = ? WHERE chat_id = ?")) {
            ps.setLong(1, now);
            ps.setLong(2, oldChatId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE outbox SET chat_id = ?, state = 'pending', next_attempt_at = ?
                WHERE chat_id = ? AND state IN ('pending', 'in_flight')""")) {
            ps.setLong(1, newChatId);
            ps.setLong(2, now);
            ps.setLong(3, oldChatId);
            ps.executeUpdate();
        }
    }

    /** After a crash: rows that were in flight go out again (at most one per chat, as the sender allows). */
    static int resetInFlight(Connection c, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET state = 'pending', next_attempt_at = ? WHERE state = 'in_flight'")) {
            ps.setLong(1, now);
            return ps.executeUpdate();
        }
    }

    static Map<String, Long> countsByState(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String state : List.of(PENDING, IN_FLIGHT, SENT, PARKED, DROPPED)) {
            counts.put(state, 0L);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM outbox GROUP BY state");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    static List<OutboxStats.Parked> recentParked(Connection c, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, chat_id, kind, attempts, last_error, created_at FROM outbox
                WHERE state = 'parked' ORDER BY id DESC LIMIT ?""")) {
            ps.setInt(1, limit);
            List<OutboxStats.Parked> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxStats.Parked(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5), rs.getLong(6)));
                }
            }
            return rows;
        }
    }

    private static void setNullableLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
