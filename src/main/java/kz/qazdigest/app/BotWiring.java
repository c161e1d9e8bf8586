package kz.qazdigest.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import kz.qazdigest.config.Settings;
import kz.qazdigest.delivery.BroadcastService;
import kz.qazdigest.delivery.Broadcaster;
import kz.qazdigest.delivery.ChatGateway;
import kz.qazdigest.delivery.OutboxQueue;
import kz.qazdigest.delivery.Sender;
import kz.qazdigest.digest.DigestScheduler;
import kz.qazdigest.digest.DigestService;
import kz.qazdigest.digest.DigestTrigger;
import kz.qazdigest.store.Database;
import kz.qazdigest.store.Item;
import kz.qazdigest.topic.TopicCatalog;

/**
 * The delivery side, wired once for {@code run} and {@code console}: every message (replies, digests,
 * broadcasts) is an outbox row sent by one paced sender through {@code gateway}; digests on their Quartz tick,
 * on /digest and right after ingest for "instant" subscribers.
 */
final class BotWiring {
    private BotWiring() {
    }

    /** Delivery pieces that live as long as the process; {@code close} stops the digest tick, then the sender. */
    record Delivery(OutboxQueue queue, DigestTrigger digests, Broadcaster broadcaster, Consumer<List<Item>> instantDigests,
                    Sender sender, DigestScheduler scheduler) implements AutoCloseable {

        /** Waits until every queued message is settled (the console's end of input). */
        boolean drain(Duration max) {
            return sender.drain(max);
        }

        @Override
        public void close() {
            scheduler.close();
            sender.close(); // finishes the call in flight and records its outcome
        }
    }

    /** Builds and starts the outbox sender and the digest tick. */
    static Delivery delivery(Settings settings, Database db, ChatGateway gateway, TopicCatalog topics,
                             Broadcaster.ReportFormatter reports, Clock clock) {
        OutboxQueue queue = new OutboxQueue(db, clock);
        BroadcastService broadcasts = new BroadcastService(db, queue, reports, clock);
        Sender sender = new Sender(db, queue, gateway, settings.delivery(), clock, broadcasts);
        DigestService digests = new DigestService(db, queue, topics, settings.digest().defaultTimeZone(), clock);
        DigestScheduler scheduler = new DigestScheduler(digests, clock, settings.digest().tickInterval());
        sender.start();
        scheduler.start();
        Consumer<List<Item>> instant = items -> digests.onNewItems(items.stream().map(Item::id).toList());
        return new Delivery(queue, digests, broadcasts, instant, sender, scheduler);
    }
}
