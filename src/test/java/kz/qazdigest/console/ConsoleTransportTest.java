package kz.qazdigest.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import kz.qazdigest.bot.BotModule;
import kz.qazdigest.bot.SqlStats;
import kz.qazdigest.bot.TestCapabilities;
import kz.qazdigest.config.Settings;
import kz.qazdigest.delivery.OutboxQueue;
import kz.qazdigest.delivery.Sender;
import kz.qazdigest.store.Database;
import kz.qazdigest.store.SubscriberStore;
import kz.qazdigest.testing.TestSettings;
import kz.qazdigest.testing.TestTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleTransportTest {
    @TempDir
    Path dir;

    @Test
    void aPipedConversationIsPrintedAsTextAndEndsWhenEverythingIsDelivered() {
        Settings settings = TestSettings.of(dir.resolve("console.db"), java.net.URI.create("http://127.0.0.1:1"), Set.of(), false);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TestCapabilities.Digests digests = new TestCapabilities.Digests();
        digests.items.set(2);
        TestCapabilities.Feeds feeds = new TestCapabilities.Feeds();
        int exit;
        try (Database db = Database.open(settings.db())) {
            Clock clock = Clock.systemUTC();
            SubscriberStore store = new SubscriberStore(db, settings.digest(), clock);
            ConsoleGateway gateway = new ConsoleGateway(out);
            // the console's own delivery path: outbox rows, sent by the sender to the screen
            OutboxQueue queue = new OutboxQueue(db, clock);
            Sender sender = new Sender(db, queue, gateway, new Settings.Delivery(1000, 1000, 60_000, 3), clock,
                    Sender.SettleListener.NONE);
            sender.start();
            BotModule module = new BotModule(new BotModule.Dependencies(settings, clock, store, queue,
                    new TestTopics(), digests, new TestCapabilities.Broadcasts(), feeds,
                    new SqlStats(db, store, queue, clock, settings.digest().defaultTimeZone()),
                    ConsoleTransport.callbackAnswers(gateway), id -> id == ConsoleTransport.CONSOLE_USER));
            String input = "/start\n2\n\n/mytopics\n/digest\n/poll\n/stats\nhello\n";
            ConsoleTransport.Drain drain = () -> {
                module.awaitIdle(Duration.ofSeconds(30));
                sender.drain(Duration.ofSeconds(30));
            };
            exit = new ConsoleTransport(module.dispatcher(), gateway, drain, "en")
                    .run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            module.close();
            sender.close();
            assertThat(store.topics(ConsoleTransport.CONSOLE_CHAT)).containsExactly("qatar");
            assertThat(queue.stats(0).count("sent")).as("every reply went through the outbox").isGreaterThanOrEqualTo(8);
            assertThat(queue.stats(0).count("pending") + queue.stats(0).count("in_flight")).isZero();
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(printed)
                .contains("Welcome to qazdigest!")
                .contains("[1] · Countries ·", "[2] Qatar   [3] Spain")
                .contains("(updated)", "[2] ✅ Qatar", "(✅ Qatar: following)")
                .contains("Your topics (1): Qatar")
                .contains("New items on your topics: 2. Sending them now.")
                .contains("Polling all feeds now", "Poll done: 2 feeds, 1 failed, 5 new items.")
                .contains("Outbox: ")
                .contains("I understand commands only.");
        assertThat(printed.indexOf("Poll done")).as("the poll result is printed before the end").isPositive();
        assertThat(digests.chats).containsExactly(ConsoleTransport.CONSOLE_CHAT);
    }

    @Test
    void htmlIsRenderedAsReadableText() {
        assertThat(ConsoleGateway.plain("<b>Қатар</b> &amp; Kazakhstan &lt;3\n<a href=\"https://mfa.gov.kz/x\">Doha Forum</a>\n"
                + "<i>Сурет</i> <a href=\"https://a.kz/\">https://a.kz/</a>"))
                .isEqualTo("Қатар & Kazakhstan <3\nDoha Forum (https://mfa.gov.kz/x)\nСурет https://a.kz/");
    }
}
