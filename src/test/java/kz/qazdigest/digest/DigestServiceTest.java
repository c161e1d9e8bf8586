package kz.qazdigest.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.qazdigest.config.Settings;
import kz.qazdigest.delivery.OutboxQueue;
import kz.qazdigest.delivery.Sender;
import kz.qazdigest.delivery.TelegramGateway;
import kz.qazdigest.store.Database;
import kz.qazdigest.testing.FakeBotApi;
import kz.qazdigest.testing.MutableClock;
import kz.qazdigest.testing.Rows;
import kz.qazdigest.testing.TelegramHtml;
import kz.qazdigest.testing.TestTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An item reaches a chat at most once across /digest, scheduled and instant digests, and restarts. */
class DigestServiceTest {
    static final long CHAT = 100;
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    @TempDir
    Path dir;
    FakeBotApi fake;
    Database db;
    Rows rows;
    MutableClock clock;
    OutboxQueue queue;
    DigestService digests;
    Sender sender;
    long feedKk;
    long feedRu;
    long now;

    @BeforeEach
    void open() {
        fake = new FakeBotApi();
        clock = new MutableClock(Instant.now());
        now = clock.millis();
        openStore();
        feedKk = rows.feed("Kazinform <kk>", "kk");
        feedRu = rows.feed("Kazinform RU", "ru");
        rows.subscriber(CHAT, "kk", "daily 09:00", "Asia/Almaty", now - Duration.ofHours(48).toMillis(), now - 60_000);
        rows.subscribe(CHAT, "qatar", "spain");
    }

    void openStore() {
        db = Database.open(dir.resolve("q.db"));
        rows = new Rows(db);
        queue = new OutboxQueue(db, Clock.systemUTC());
        digests = new DigestService(db, queue, new TestTopics(), ALMATY, clock);
    }

    void startSender() {
        sender = new Sender(db, queue, new TelegramGateway(TelegramGateway.client(fake.token(), fake.url(), Duration.ofSeconds(2))),
                new Settings.Delivery(200, 50, 600, 3), Clock.systemUTC(), Sender.SettleListener.NONE);
        sender.start();
    }

    void restart() {
        if (sender != null) {
            sender.stop();
            sender = null;
        }
        db.close();
        openStore();
    }

    @AfterEach
    void close() {
        if (sender != null) {
            sender.stop();
        }
        db.close();
        fake.close();
    }

    long item(long feed, String lang, String title, String link, String storyKey, String... topics) {
        return rows.item(feed, lang, title, link, "Summary of " + title, now - 3_600_000, storyKey, topics);
    }

    String everythingSent() {
        return String.join("\n", fake.sentTexts(CHAT));
    }

    @Test
    void everyItemReachesTheChatOnceAcrossDigestScheduledInstantAndRestarts() {
        item(feedKk, "kk", "A Қатар", "https://kazinform.kz/kz/a-1", null, "qatar");
        item(feedKk, "kk", "B Испания", "https://kazinform.kz/kz/b-2", null, "spain", "qatar");
        item(feedKk, "kk", "X Қытай", "https://kazinform.kz/kz/x-3", null, "china");
        rows.item(feedKk, "kk", "Old Қатар", "https://kazinform.kz/kz/old", "s", now - Duration.ofDays(5).toMillis(), null, "qatar");

        assertThat(digests.sendNow(CHAT)).isEqualTo(2);
        assertThat(digests.sendNow(CHAT)).isZero(); // still unsent, but already in the outbox

        item(feedKk, "kk", "C Қатар", "https://kazinform.kz/kz/c-4", null, "qatar");
        DigestScheduler scheduler = new DigestScheduler(digests, clock, Duration.ofMinutes(1));
        assertThat(scheduler.runDue()).isEqualTo(1); // only C is new
        assertThat(scheduler.runDue()).isZero(); // no longer due
        assertThat(rows.count("SELECT next_digest_at FROM subscribers WHERE chat_id = " + CHAT)).isGreaterThan(clock.millis());

        rows.update("UPDATE subscribers SET schedule = 'instant', next_digest_at = NULL WHERE chat_id = " + CHAT);
        long d = item(feedKk, "kk", "D Қатар kk", "https://kazinform.kz/kz/d-5", "story-d", "qatar");
        long dRu = item(feedRu, "ru", "D Катар ru", "https://kazinform.kz/ru/d-5", "story-d", "qatar");
        assertThat(digests.onNewItems(List.of(d, dRu))).isEqualTo(1);
        assertThat(digests.onNewItems(List.of(d, dRu))).isZero();

        startSender();
        assertThat(sender.drain(Duration.ofSeconds(15))).isTrue();
        restart();
        startSender();
        assertThat(digests.sendNow(CHAT)).isZero();
        long eRu = item(feedRu, "ru", "E Катар ru edition of D", "https://www.kazinform.kz/ru/d-5/", null, "qatar");
        assertThat(digests.onNewItems(List.of(eRu))).isZero(); // the same story by address, already delivered in kk
        rows.update("UPDATE subscribers SET schedule = 'daily 09:00', next_digest_at = 1 WHERE chat_id = " + CHAT);
        assertThat(new DigestScheduler(digests, clock, Duration.ofMinutes(1)).runDue()).isZero();
        assertThat(sender.drain(Duration.ofSeconds(15))).isTrue();

        String sent = everythingSent();
        for (String title : List.of("A Қатар", "B Испания", "C Қатар", "D Қатар kk")) {
            assertThat(sent.split(title + "</a>", -1)).as(title).hasSize(2);
        }
        assertThat(sent).doesNotContain("X Қытай").doesNotContain("Old Қатар").doesNotContain("D Катар ru").doesNotContain("E Катар");
        assertThat(sent).contains("Kazinform &lt;kk&gt;");
        fake.sentTexts(CHAT).forEach(t -> assertThat(TelegramHtml.problems(t)).isEmpty());
        assertThat(rows.count("SELECT COUNT(*) FROM deliveries WHERE chat_id = " + CHAT)).isEqualTo(5); // A B C D D-ru
        assertThat(fake.calls("sendMessage")).allSatisfy(c -> {
            assertThat(c.body().path("parse_mode").asText()).isEqualTo("HTML");
            assertThat(c.body().path("link_preview_options").path("is_disabled").asBoolean()).isTrue();
        });
    }

    @Test
    void racingTriggersNeverQueueAnItemTwice() throws Exception {
        rows.update("UPDATE subscribers SET schedule = 'instant' WHERE chat_id = " + CHAT);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(item(feedKk, "kk", "Item " + i, "https://kazinform.kz/kz/r-" + i, null, i % 2 == 0 ? "qatar" : "spain"));
        }
        DigestScheduler scheduler = new DigestScheduler(digests, clock, Duration.ofMinutes(1));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                List<Long> batch = ids.subList(round * 4, round * 4 + 4);
                futures.add(pool.submit(() -> digests.sendNow(CHAT)));
                futures.add(pool.submit(() -> digests.onNewItems(batch)));
                futures.add(pool.submit(scheduler::runDue));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(rows.count("SELECT COUNT(*) FROM outbox_items")).isEqualTo(40);
        assertThat(rows.count("SELECT COUNT(DISTINCT item_id) FROM outbox_items")).isEqualTo(40);
    }

    @Test
    void nothingNewIsZeroAndQueuesNothing() {
        item(feedKk, "kk", "Only China", "https://kazinform.kz/kz/c", null, "china");
        assertThat(digests.sendNow(CHAT)).isZero();
        assertThat(digests.sendNow(424242)).isZero(); // not a subscriber
        assertThat(rows.count("SELECT COUNT(*) FROM outbox")).isZero();
    }

    @Test
    void itemsNotReadyYetWaitAndComeWithTheNextDigest() {
        long pending = item(feedKk, "kk", "Needs full text", "https://kazinform.kz/kz/ft", null, "qatar");
        rows.update("UPDATE items SET ready = 0 WHERE id = " + pending);
        assertThat(digests.sendNow(CHAT)).isZero();
        rows.update("UPDATE items SET ready = 1 WHERE id = " + pending);
        assertThat(digests.sendNow(CHAT)).isEqualTo(1);
    }
}
