package kz.qazdigest.digest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.qazdigest.delivery.Lane;
import kz.qazdigest.delivery.OutboxQueue;
import kz.qazdigest.store.Database;
import kz.qazdigest.topic.TopicCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a chat's digest and queues it: the undelivered items are read, planned, rendered and written as outbox
 * rows (with the items each carries) in ONE write transaction. Write transactions are serialised and the query
 * excludes items already sitting in unsent rows for the chat, so /digest, the scheduled digest and instant
 * digests can race without an item reaching a chat twice.
 */
public final class DigestService implements DigestTrigger {
    private static final Logger log = LoggerFactory.getLogger(DigestService.class);
    /** How far back a story's first edition may lie for a later edition to be recognised by its address. */
    private static final Duration EDITION_LOOKBACK = Duration.ofDays(3);

    private final Database db;
    private final OutboxQueue outbox;
    private final DigestPlanner planner;
    private final DigestRenderer renderer;
    private final Clock clock;
    private final ZoneId defaultZone;

    public DigestService(Database db, OutboxQueue outbox, TopicCatalog catalog, ZoneId defaultZone, Clock clock) {
        this(db, outbox, new DigestPlanner(catalog), new DigestRenderer(catalog), defaultZone, clock);
    }

    DigestService(Database db, OutboxQueue outbox, DigestPlanner planner, DigestRenderer renderer, ZoneId defaultZone,
                  Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.planner = planner;
        this.renderer = renderer;
        this.defaultZone = defaultZone;
        this.clock = clock;
    }

    /** {@code /digest}: everything new for the chat now, whatever its schedule; 0 when there is nothing new. */
    @Override
    public int sendNow(long chatId) {
        int items = db.write(c -> {
            Optional<DigestQueries.Subscriber> subscriber = DigestQueries.subscriber(c, chatId);
            return subscriber.isEmpty() ? 0 : enqueue(c, subscriber.get());
        });
        wakeIf(items);
        return items;
    }

    /**
     * After an ingest: 'instant' subscribers whose topics match any of these (ready) items get their digest now.
     * Returns how many chats got one. Items that become ready later (full text fetched) are passed again then.
     */
    public int onNewItems(Collection<Long> newItemIds) {
        if (newItemIds.isEmpty()) {
            return 0;
        }
        List<Long> chats = db.read(c -> DigestQueries.instantChatsFor(c, newItemIds));
        int sent = 0;
        for (long chatId : chats) {
            int items = db.write(c -> {
                Optional<DigestQueries.Subscriber> s = DigestQueries.subscriber(c, chatId);
                // the chat may have changed its schedule or stopped since the read above
                return s.isPresent() && s.get().active() && "instant".equals(s.get().schedule()) ? enqueue(c, s.get()) : 0;
            });
            if (items > 0) {
                sent++;
            }
        }
        wakeIf(sent);
        return sent;
    }

    /**
     * The scheduled digest of one chat if it is still due at {@code now}, and its next slot, in one transaction:
     * a digest missed during downtime goes once, and the next slot is the first one after now. Empty digests send
     * nothing. Returns the number of items queued.
     */
    int sendScheduled(long chatId, Instant now) {
        int items = db.write(c -> {
            Optional<DigestQueries.Subscriber> found = DigestQueries.subscriber(c, chatId);
            if (found.isEmpty()) {
                return 0;
            }
            DigestQueries.Subscriber s = found.get();
            if (!s.active() || s.nextDigestAt() == null || s.nextDigestAt() > now.toEpochMilli()) {
                return 0;
            }
            Optional<Schedule> schedule = Schedule.parse(s.schedule());
            boolean periodic = schedule.isPresent()
                    && (schedule.get().kind() == Schedule.Kind.DAILY || schedule.get().kind() == Schedule.Kind.WEEKLY);
            int queued = periodic ? enqueue(c, s) : 0;
            Long next = schedule.flatMap(sch -> sch.nextAfter(now, zone(s))).map(Instant::toEpochMilli).orElse(null);
            DigestQueries.setNextDigest(c, chatId, next, clock.millis());
            if (schedule.isEmpty()) {
                log.warn("digest: chat {} has an unreadable schedule '{}'; no scheduled digests", chatId, s.schedule());
            }
            return queued;
        });
        wakeIf(items);
        return items;
    }

    /** Gives daily/weekly subscribers without a next slot one (e.g. rows written before the schedule was set). */
    void scheduleUnscheduled(Instant now) {
        db.write(c -> {
            for (long chatId : DigestQueries.unscheduledChats(c)) {
                DigestQueries.Subscriber s = DigestQueries.subscriber(c, chatId).orElseThrow();
                Long next = Schedule.parse(s.schedule()).flatMap(sch -> sch.nextAfter(now, zone(s)))
                        .map(Instant::toEpochMilli).orElse(null);
                if (next != null) {
                    DigestQueries.setNextDigest(c, chatId, next, clock.millis());
                }
            }
            return null;
        });
    }

    List<Long> dueChats(Instant now) {
        return db.read(c -> DigestQueries.dueChats(c, now.toEpochMilli()));
    }

    private int enqueue(Connection c, DigestQueries.Subscriber s) throws SQLException {
        List<DigestItem> candidates = DigestQueries.undelivered(c, s.chatId(), s.sinceAt());
        if (candidates.isEmpty()) {
            return 0;
        }
        long oldest = candidates.stream().mapToLong(DigestItem::publishedAt).min().orElseThrow();
        Set<String> carried = DigestQueries.carriedEditionKeys(c, s.chatId(), oldest - EDITION_LOOKBACK.toMillis());
        if (!carried.isEmpty()) {
            candidates = candidates.stream().filter(i -> StoryIndex.keysOf(i).stream().noneMatch(carried::contains)).toList();
        }
        List<String> topics = planner.ordered(DigestQueries.topics(c, s.chatId()));
        DigestPlan plan = planner.plan(StoryIndex.of(candidates), s.lang(), topics);
        if (plan.isEmpty()) {
            return 0;
        }
        for (DigestRenderer.Part part : renderer.render(plan, s.lang(), zone(s))) {
            outbox.insert(c, s.chatId(), part.message(), Lane.DIGEST, "digest", null, part.itemIds());
        }
        log.debug("digest: chat {} gets {} items", s.chatId(), plan.itemCount());
        return plan.itemCount();
    }

    private ZoneId zone(DigestQueries.Subscriber s) {
        try {
            return s.tz() == null ? defaultZone : ZoneId.of(s.tz());
        } catch (DateTimeException e) {
            return defaultZone;
        }
    }

    private void wakeIf(int queued) {
        if (queued > 0) {
            outbox.wake();
        }
    }
}
