package kz.qazdigest.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.qazdigest.config.Settings;
import kz.qazdigest.store.Database;
import kz.qazdigest.testing.FakeBotApi;
import kz.qazdigest.testing.FakeBotApi.Failure;
import kz.qazdigest.testing.Rows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BroadcastServiceTest {
    static final long ADMIN = 900;
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Settings.Delivery LIMITS = new Settings.Delivery(500, 100, 6000, 2);

    @TempDir
    Path dir;
    FakeBotApi fake;
    Database db;
    Rows rows;
    OutboxQueue queue;
    BroadcastService broadcasts;
    final List<Sender> senders = new ArrayList<>();

    @BeforeEach
    void open() {
        fake = new FakeBotApi();
        db = Database.open(dir.resolve("q.db"));
        rows = new Rows(db);
        queue = new OutboxQueue(db, Clock.systemUTC());
        broadcasts = new BroadcastService(db, queue, (admin, r) -> OutgoingMessage.plain(
                "report " + r.broadcastId() + ": delivered " + r.delivered() + ", blocked " + r.blocked() + ", failed " + r.failed()),
                Clock.systemUTC());
    }

    @AfterEach
    void close() {
        senders.forEach(Sender::stop);
        db.close();
        fake.close();
    }

    Sender sender(ChatGateway gateway) {
        Sender sender = new Sender(db, queue, gateway, LIMITS, Clock.systemUTC(), broadcasts,
                Sender.Options.defaults().withBaseBackoff(Duration.ofMillis(50)));
        senders.add(sender);
        sender.start();
        return sender;
    }

    TelegramGateway realGateway() {
        return new TelegramGateway(TelegramGateway.client(fake.token(), fake.url(), Duration.ofSeconds(2)));
    }

    @Test
    void reachesEveryActiveSubscriberOnceKeepsTheEntitiesAndReportsToTheAdmin() {
        for (long chat = 1; chat <= 6; chat++) {
            rows.subscriber(chat);
        }
        rows.deactivate(5);
        fake.failChat(4, Failure.blocked());
        fake.failChat(6, Failure.error(400, "Bad Request: message is too long"));
        var bold = new OutgoingMessage.TextEntity("bold", 0, 9, null, null, null);
        Broadcaster.Queued queued = broadcasts.broadcast(ADMIN, "Important <not html> & news", List.of(bold));
        assertThat(queued.chats()).isEqualTo(5);
        sender(realGateway());
        await().atMost(WAIT).until(() -> !fake.sentTexts(ADMIN).isEmpty());
        assertThat(fake.sentTexts(ADMIN)).containsExactly("report " + queued.broadcastId() + ": delivered 3, blocked 1, failed 1");
        for (long chat : List.of(1L, 2L, 3L)) {
            assertThat(fake.sentTexts(chat)).containsExactly("Important <not html> & news");
        }
        assertThat(fake.sentTexts(5)).isEmpty();
        var body = fake.calls("sendMessage").get(0).body();
        assertThat(body.has("parse_mode")).isFalse();
        assertThat(body.path("entities").get(0).path("type").asText()).isEqualTo("bold");
        assertThat(rows.value("SELECT report_sent || ' ' || total FROM broadcasts")).isEqualTo("1 5");
        assertThat(rows.value("SELECT inactive_reason FROM subscribers WHERE chat_id = 4")).isEqualTo("blocked");
    }

    @Test
    void aBroadcastToNobodyReportsAtOnce() {
        Broadcaster.Queued queued = broadcasts.broadcast(ADMIN, "anyone?", List.of());
        assertThat(queued.chats()).isZero();
        sender(realGateway());
        await().atMost(WAIT).until(() -> !fake.sentTexts(ADMIN).isEmpty());
        assertThat(fake.sentTexts(ADMIN)).containsExactly("report " + queued.broadcastId() + ": delivered 0, blocked 0, failed 0");
    }

    /** The process dies right after Telegram accepted a message, before the sender could mark it sent. */
    static final class Crash extends Error {
        Crash() {
            super("simulated crash between the HTTP call and 'sent'");
        }
    }

    @Test
    void aCrashMidBroadcastLosesNothingAndDuplicatesAtMostOneMessagePerChat() {
        int chats = 300;
        for (long chat = 1; chat <= chats; chat++) {
            rows.subscriber(chat);
        }
        TelegramGateway real = realGateway();
        AtomicInteger calls = new AtomicInteger();
        AtomicBoolean dead = new AtomicBoolean();
        ChatGateway dying = (chatId, message) -> {
            if (dead.get()) {
                throw new Crash(); // the process is gone: nothing more reaches Telegram
            }
            int id = real.send(chatId, message);
            if (calls.incrementAndGet() == 100) {
                dead.set(true);
                throw new Crash();
            }
            return id;
        };
        Broadcaster.Queued queued = broadcasts.broadcast(ADMIN, "crash test", List.of());
        Sender first = sender(dying);
        await().dontCatchUncaughtExceptions().atMost(WAIT).until(dead::get);
        first.stop();
        assertThat(rows.count("SELECT COUNT(*) FROM outbox WHERE state = 'in_flight'")).isPositive();

        sender(realGateway()); // the restart, on the same database
        await().dontCatchUncaughtExceptions().atMost(WAIT).until(() -> !fake.sentTexts(ADMIN).isEmpty());
        Map<String, Long> perChat = fake.calls("sendMessage").stream().filter(c -> "crash test".equals(c.text()))
                .collect(Collectors.groupingBy(FakeBotApi.Call::chatId, Collectors.counting()));
        assertThat(perChat).hasSize(chats); // nothing lost
        assertThat(perChat.values()).allMatch(n -> n <= 2); // at most one duplicate per chat
        assertThat(perChat.values().stream().filter(n -> n == 2).count()).isLessThanOrEqualTo(1); // only the one that died
        assertThat(fake.sentTexts(ADMIN)).containsExactly("report " + queued.broadcastId() + ": delivered 300, blocked 0, failed 0");
        assertThat(rows.count("SELECT COUNT(*) FROM outbox WHERE state <> 'sent'")).isZero();
    }

    /**
     * Sent rows are recorded in batches by the settler: the process dies after Telegram accepted a message but
     * before the batch holding it committed. That row (and any other in the lost batch) stays in flight and is
     * resent exactly once at start; rows whose batch committed are not sent again.
     */
    @Test
    void aCrashBeforeTheBatchedSentCommitResendsThoseRowsExactlyOnce() {
        int chats = 300;
        for (long chat = 1; chat <= chats; chat++) {
            rows.subscriber(chat);
        }
        TelegramGateway real = realGateway();
        AtomicInteger calls = new AtomicInteger();
        AtomicBoolean dead = new AtomicBoolean();
        List<String> acceptedLast = new ArrayList<>();
        ChatGateway dying = (chatId, message) -> {
            if (dead.get()) {
                throw new Crash(); // the process is gone: nothing more reaches Telegram
            }
            int id = real.send(chatId, message);
            if (calls.incrementAndGet() == 100) {
                acceptedLast.add(Long.toString(chatId));
                dead.set(true); // Telegram accepted it; the process dies before the settler can commit it
            }
            return id;
        };
        Sender.SettleListener dyingSettler = (c, broadcastId) -> {
            if (dead.get()) {
                throw new Crash(); // the batch transaction never commits
            }
            broadcasts.broadcastProgressed(c, broadcastId);
        };
        Broadcaster.Queued queued = broadcasts.broadcast(ADMIN, "batched crash", List.of());
        Sender first = new Sender(db, queue, dying, LIMITS, Clock.systemUTC(), dyingSettler,
                Sender.Options.defaults().withBaseBackoff(Duration.ofMillis(50)));
        senders.add(first);
        first.start();
        await().dontCatchUncaughtExceptions().atMost(WAIT).until(dead::get);
        first.stop();
        List<String> inFlightAtCrash = rows.column(
                "SELECT chat_id FROM outbox WHERE state = 'in_flight' AND kind = 'broadcast' ORDER BY chat_id");
        assertThat(inFlightAtCrash).containsAll(acceptedLast);

        sender(realGateway()); // the restart, on the same database
        await().dontCatchUncaughtExceptions().atMost(WAIT).until(() -> !fake.sentTexts(ADMIN).isEmpty());
        Map<String, Long> perChat = fake.calls("sendMessage").stream().filter(c -> "batched crash".equals(c.text()))
                .collect(Collectors.groupingBy(FakeBotApi.Call::chatId, Collectors.counting()));
        assertThat(perChat).hasSize(chats); // nothing lost
        assertThat(perChat.get(acceptedLast.get(0))).isEqualTo(2); // accepted, not recorded: resent exactly once
        assertThat(perChat.values()).allMatch(n -> n <= 2);
        assertThat(perChat.entrySet().stream().filter(e -> e.getValue() == 2).map(Map.Entry::getKey))
                .allMatch(inFlightAtCrash::contains); // only rows whose batch was lost go twice
        assertThat(fake.sentTexts(ADMIN)).containsExactly("report " + queued.broadcastId() + ": delivered 300, blocked 0, failed 0");
        assertThat(rows.count("SELECT COUNT(*) FROM outbox WHERE state <> 'sent'")).isZero();
    }

    @Test
    void aChatGoneMidBroadcastCountsAsBlockedEvenWhenAnotherMessageFoundOut() {
        rows.subscriber(1);
        rows.subscriber(2);
        fake.failChat(2, Failure.blocked());
        queue.enqueue(2, OutgoingMessage.plain("a reply first"), Lane.REPLY);
        Broadcaster.Queued queued = broadcasts.broadcast(ADMIN, "hello", List.of());
        sender(realGateway());
        await().atMost(WAIT).until(() -> !fake.sentTexts(ADMIN).isEmpty());
        assertThat(fake.sentTexts(ADMIN)).containsExactly("report " + queued.broadcastId() + ": delivered 1, blocked 1, failed 0");
        assertThat(fake.calls("sendMessage").stream().map(FakeBotApi.Call::chatId).collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()))).containsEntry("2", 1L);
    }
}
