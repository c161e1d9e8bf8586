package kz.qazdigest.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import kz.qazdigest.store.Database;

/**
 * The outbox as the rest of qazdigest writes to it: one row per message, its payload as JSON, written before
 * anything is sent. {@link #enqueue} is its own transaction; {@link #insert} joins the caller's, so a digest's
 * messages and the items they carry are recorded together. Every committed enqueue wakes the sender.
 */
public final class OutboxQueue implements MessageQueue {
    private final Database db;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public OutboxQueue(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public long enqueue(long chatId, OutgoingMessage message, Lane lane) {
        long id = db.write(c -> insert(c, chatId, message, lane, kindOf(lane), null, List.of()));
        wake();
        return id;
    }

    /**
     * Writes one row inside the caller's write transaction, with the items it carries (delivered to the chat only
     * once Telegram accepts the message). Call {@link #wake()} after the transaction commits.
     */
    public long insert(Connection c, long chatId, OutgoingMessage message, Lane lane, String kind, Long broadcastId,
                       Collection<Long> itemIds) throws SQLException {
        long id = OutboxStore.insert(c, chatId, lane, kind, PayloadCodec.encode(message), broadcastId, clock.millis());
        OutboxStore.insertItems(c, id, itemIds);
        return id;
    }

    /** Tells the sender that rows were committed. */
    public void wake() {
        listeners.forEach(Runnable::run);
    }

    /** Counts by state and the latest parked rows, for /stats. */
    public OutboxStats stats(int recentParked) {
        return db.read(c -> new OutboxStats(OutboxStore.countsByState(c), OutboxStore.recentParked(c, recentParked)));
    }

    void onEnqueue(Runnable listener) {
        listeners.add(listener);
    }

    static String kindOf(Lane lane) {
        return lane.name().toLowerCase(Locale.ROOT);
    }
}
