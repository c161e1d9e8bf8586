package kz.qazdigest.bot;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import kz.qazdigest.delivery.OutboxQueue;
import kz.qazdigest.delivery.OutboxStats;
import kz.qazdigest.store.Database;
import kz.qazdigest.store.SubscriberStore;

/**
 * {@code /stats} straight from the tables: subscribers, items fetched today, feeds by health, and the outbox
 * (counts by state, the latest parked rows) as the delivery capability reports it.
 */
public final class SqlStats implements StatsSource {
    private static final int TOP_TOPICS = 5;
    /** Parked rows listed one a line; more would only bury the counts. */
    static final int RECENT_PARKED = 5;

    private final Database db;
    private final SubscriberStore subscribers;
    private final OutboxQueue outbox;
    private final Clock clock;
    private final ZoneId zone;

    public SqlStats(Database db, SubscriberStore subscribers, OutboxQueue outbox, Clock clock, ZoneId zone) {
        this.db = db;
        this.subscribers = subscribers;
        this.outbox = outbox;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public BotStats stats() {
        SubscriberStore.Counts counts = subscribers.counts(TOP_TOPICS);
        OutboxStats delivery = outbox.stats(RECENT_PARKED);
        long midnight = LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant().toEpochMilli();
        return db.read(c -> {
            int itemsToday;
            try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM items WHERE fetched_at >= ?")) {
                st.setLong(1, midnight);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    itemsToday = rs.getInt(1);
                }
            }
            int healthy = 0;
            int failing = 0;
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT failures > 0, count(*) FROM feeds WHERE removed_at IS NULL GROUP BY failures > 0");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(1)) {
                        failing += rs.getInt(2);
                    } else {
                        healthy += rs.getInt(2);
                    }
                }
            }
            return new BotStats(counts.active(), counts.total(), counts.activeByLang(), counts.topTopics(), itemsToday,
                    healthy, failing, delivery);
        });
    }
}
