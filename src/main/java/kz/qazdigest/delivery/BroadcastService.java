package kz.qazdigest.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import kz.qazdigest.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /broadcast}: one outbox row per active subscriber, all written in one transaction, sent as plain text
 * with the admin's entities in the broadcast lane. When the last row is settled (sent, dropped or parked) the
 * admin's report is queued in the same transaction, so it goes exactly once even across restarts.
 */
public final class BroadcastService implements Broadcaster, Sender.SettleListener {
    private static final Logger log = LoggerFactory.getLogger(BroadcastService.class);

    private final Database db;
    private final OutboxQueue queue;
    private final ReportFormatter formatter;
    private final Clock clock;

    public BroadcastService(Database db, OutboxQueue queue, ReportFormatter formatter, Clock clock) {
        this.db = db;
        this.queue = queue;
        this.formatter = formatter;
        this.clock = clock;
    }

    @Override
    public Queued broadcast(long adminChatId, String text, List<OutgoingMessage.TextEntity> entities) {
        OutgoingMessage message = new OutgoingMessage(text, OutgoingMessage.TextFormat.PLAIN, List.of(), false, null, entities);
        String payload = PayloadCodec.encode(message);
        Queued queued = db.write(c -> {
            long now = clock.millis();
            long broadcastId;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO broadcasts (admin_chat_id, created_at, total)
                    SELECT ?, ?, COUNT(*) FROM subscribers WHERE active = 1
                    RETURNING id, total""")) {
                ps.setLong(1, adminChatId);
                ps.setLong(2, now);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    broadcastId = rs.getLong(1);
                }
            }
            int chats;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO outbox (chat_id, lane, kind, payload, state, attempts, next_attempt_at, broadcast_id, created_at)
                    SELECT chat_id, ?, 'broadcast', ?, 'pending', 0, ?, ?, ? FROM subscribers WHERE active = 1
                    ORDER BY chat_id""")) {
                ps.setInt(1, Lane.BROADCAST.priority());
                ps.setString(2, payload);
                ps.setLong(3, now);
                ps.setLong(4, broadcastId);
                ps.setLong(5, now);
                chats = ps.executeUpdate();
            }
            broadcastProgressed(c, broadcastId); // nobody to send to: the report goes at once
            return new Queued(broadcastId, chats);
        });
        log.info("broadcast: {} queued for {} chats by admin chat {}", queued.broadcastId(), queued.chats(), adminChatId);
        queue.wake();
        return queued;
    }

    @Override
    public void broadcastProgressed(Connection c, long broadcastId) throws SQLException {
        // called for every settled row: an index probe for one unsettled row, not a count of all of them
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM outbox WHERE broadcast_id = ? AND state IN ('pending', 'in_flight') LIMIT 1")) {
            ps.setLong(1, broadcastId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        long adminChatId;
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE broadcasts SET finished_at = ?, report_sent = 1
                WHERE id = ? AND report_sent = 0 RETURNING admin_chat_id""")) {
            ps.setLong(1, clock.millis());
            ps.setLong(2, broadcastId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return; // reported already
                }
                adminChatId = rs.getLong(1);
            }
        }
        Report report = report(c, broadcastId);
        queue.insert(c, adminChatId, formatter.format(adminChatId, report), Lane.REPLY, "report", null, List.of());
        log.info("broadcast: {} finished: delivered {}, blocked {}, failed {}", broadcastId, report.delivered(),
                report.blocked(), report.failed());
    }

    private static Report report(Connection c, long broadcastId) throws SQLException {
        int sent = 0;
        int dropped = 0;
        int parked = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT state, COUNT(*) FROM outbox WHERE broadcast_id = ? GROUP BY state")) {
            ps.setLong(1, broadcastId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getString(1)) {
                        case OutboxStore.SENT -> sent = rs.getInt(2);
                        case OutboxStore.DROPPED -> dropped = rs.getInt(2);
                        case OutboxStore.PARKED -> parked = rs.getInt(2);
                        default -> { }
                    }
                }
            }
        }
        return new Report(broadcastId, sent, dropped, parked);
    }
}
