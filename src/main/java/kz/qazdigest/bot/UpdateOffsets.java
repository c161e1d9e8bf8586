package kz.qazdigest.bot;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import kz.qazdigest.store.Database;

/**
 * The getUpdates offset (last handled update_id + 1), kept in bot_state so a restart neither replays nor
 * loses updates. The poller asks Telegram from this offset only once the previous batch is handled, so an
 * update is confirmed to Telegram only after the bot has dealt with it.
 */
final class UpdateOffsets {
    static final String KEY = "telegram.update_offset";

    private final Database db;
    private long next;

    UpdateOffsets(Database db) {
        this.db = db;
        this.next = db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT value FROM bot_state WHERE name = ?")) {
                st.setString(1, KEY);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Long.parseLong(rs.getString(1)) : 0L;
                }
            }
        });
    }

    /** The offset for the next getUpdates: every update below it has been handled. */
    synchronized long next() {
        return next;
    }

    /** Whether this update was handled already (a duplicate, or a replay after a restart). */
    synchronized boolean seen(long updateId) {
        return updateId < next;
    }

    /** Records an update as handled. */
    void handled(long updateId) {
        long value = updateId + 1;
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO bot_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                st.setString(1, KEY);
                st.setString(2, Long.toString(value));
                return st.executeUpdate();
            }
        });
        synchronized (this) {
            next = Math.max(next, value);
            notifyAll();
        }
    }

    /**
     * Waits (at most {@code max}) until every update up to {@code lastReceived} is handled; the poller's
     * {@code lastReceived} is 0 before its first update.
     */
    synchronized void awaitHandled(long lastReceived, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (lastReceived > 0 && next <= lastReceived) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
