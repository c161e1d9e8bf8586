package kz.qazdigest.app;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import kz.qazdigest.config.Settings;
import kz.qazdigest.delivery.Broadcaster;
import kz.qazdigest.delivery.ChatGateway;
import kz.qazdigest.delivery.MessageQueue;
import kz.qazdigest.digest.DigestTrigger;
import kz.qazdigest.store.Database;
import kz.qazdigest.store.Item;
import kz.qazdigest.topic.TopicCatalog;

/**
 * Wiring points for the delivery capability (outbox + paced sender, digests, broadcasts), which is merged
 * after the bot: each says so at start-up until its body builds the real thing. Everything else of
 * {@code run} and {@code console} is wired in {@link RunCommand} and {@link ConsoleCommand}.
 */
final class BotWiring {
    private BotWiring() {
    }

    /** Delivery pieces that live as long as the process and are closed after the transport stops. */
    record Delivery(MessageQueue queue, DigestTrigger digests, Broadcaster broadcaster, Consumer<List<Item>> instantDigests,
                    AutoCloseable lifecycle) {}

    /**
     * The outbox over {@code gateway} with its paced sender, the digest service and scheduler, and the
     * broadcaster whose reports {@code reports} words. Started here, closed by {@code lifecycle}.
     */
    static Delivery delivery(Settings settings, Database db, ChatGateway gateway, TopicCatalog topics,
                             Broadcaster.ReportFormatter reports, Clock clock) {
        throw new StartupException("the delivery capability (outbox, digests, broadcasts) is not wired in yet "
                + "(app.BotWiring.delivery)");
    }
}
