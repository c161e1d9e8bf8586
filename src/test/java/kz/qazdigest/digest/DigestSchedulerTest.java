package kz.qazdigest.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import kz.qazdigest.delivery.OutboxQueue;
import kz.qazdigest.store.Database;
import kz.qazdigest.testing.MutableClock;
import kz.qazdigest.testing.Rows;
import kz.qazdigest.testing.TestTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scheduler's handling of next_digest_at: due or not, next slot in the subscriber's zone, missed slots once. */
class DigestSchedulerTest {
    static final long CHAT = 7;

    @TempDir
    Path dir;
    Database db;
    Rows rows;
    MutableClock clock;
    DigestService digests;
    DigestScheduler scheduler;
    long feed;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("q.db"));
        rows = new Rows(db);
        clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
        digests = new DigestService(db, new OutboxQueue(db, Clock.systemUTC()), new TestTopics(), ZoneId.of("Asia/Almaty"), clock);
        scheduler = new DigestScheduler(digests, clock, Duration.ofMillis(100));
        feed = rows.feed("Akorda", "ru");
    }

    @AfterEach
    void close() {
        scheduler.close();
        db.close();
    }

    void subscriber(String schedule, String tz, Instant next) {
        rows.subscriber(CHAT, "ru", schedule, tz, 0, next == null ? null : next.toEpochMilli());
        rows.subscribe(CHAT, "qatar");
    }

    void newItem(String title) {
        rows.item(feed, "ru", title, "https://akorda.kz/ru/" + title.hashCode(), "s", clock.millis() - 1000, null, "qatar");
    }

    Instant next() {
        String v = rows.value("SELECT next_digest_at FROM subscribers WHERE chat_id = " + CHAT);
        return v == null ? null : Instant.ofEpochMilli(Long.parseLong(v));
    }

    long digestRows() {
        return rows.count("SELECT COUNT(*) FROM outbox WHERE chat_id = " + CHAT);
    }

    static Instant at(String local, String zone) {
        return LocalDateTime.parse(local).atZone(ZoneId.of(zone)).toInstant();
    }

    @Test
    void acrossMidnightInAlmaty() {
        subscriber("daily 00:30", "Asia/Almaty", at("2026-03-10T00:30", "Asia/Almaty"));
        newItem("Катар");
        clock.set(at("2026-03-09T23:59", "Asia/Almaty"));
        assertThat(scheduler.runDue()).isZero();
        assertThat(next()).isEqualTo(at("2026-03-10T00:30", "Asia/Almaty"));
        clock.set(at("2026-03-10T00:31", "Asia/Almaty"));
        assertThat(scheduler.runDue()).isEqualTo(1);
        assertThat(next()).isEqualTo(OffsetDateTime.parse("2026-03-11T00:30+05:00").toInstant()); // UTC+5 since 2024
        assertThat(rows.value("SELECT payload FROM outbox WHERE chat_id = " + CHAT)).contains("01.03.2026 04:59"); // 2026-02-28T23:59:59Z in Almaty
    }

    @ParameterizedTest
    @CsvSource({
            // spring forward: 02:30 does not exist on 29 March, the slot moves on by the gap
            "daily 02:30, 2026-03-28T02:31, 2026-03-29T03:30+02:00, 2026-03-30T02:30+02:00",
            // fall back: 02:30 happens twice on 25 October, the earlier one counts
            "daily 02:30, 2026-10-24T02:31, 2026-10-25T02:30+02:00, 2026-10-26T02:30+01:00",
            "weekly sun 09:00, 2026-03-22T09:01, 2026-03-29T09:00+02:00, 2026-04-05T09:00+02:00"})
    void aSubscriberInBerlinAcrossDst(String schedule, String firstRun, String expectedNext, String expectedAfter) {
        subscriber(schedule, "Europe/Berlin", at(firstRun, "Europe/Berlin").minusSeconds(60));
        clock.set(at(firstRun, "Europe/Berlin"));
        scheduler.runDue();
        assertThat(next()).isEqualTo(OffsetDateTime.parse(expectedNext).toInstant());
        clock.set(next().plusSeconds(60));
        scheduler.runDue();
        assertThat(next()).isEqualTo(OffsetDateTime.parse(expectedAfter).toInstant());
    }

    @Test
    void aDowntimeSendsTheMissedDigestOnceNotOncePerMissedSlot() {
        subscriber("daily 09:00", "Asia/Almaty", at("2026-03-01T09:00", "Asia/Almaty"));
        clock.set(at("2026-03-04T10:00", "Asia/Almaty")); // back after three days down
        newItem("Первая");
        newItem("Вторая");
        assertThat(scheduler.runDue()).isEqualTo(1);
        assertThat(scheduler.runDue()).isZero();
        assertThat(digestRows()).isEqualTo(1);
        assertThat(next()).isEqualTo(at("2026-03-05T09:00", "Asia/Almaty"));
    }

    @Test
    void anEmptyScheduledDigestSendsNothingButMovesOn() {
        subscriber("daily 09:00", "Asia/Almaty", at("2026-03-01T09:00", "Asia/Almaty"));
        clock.set(at("2026-03-01T09:00", "Asia/Almaty"));
        assertThat(scheduler.runDue()).isZero();
        assertThat(digestRows()).isZero();
        assertThat(next()).isEqualTo(at("2026-03-02T09:00", "Asia/Almaty"));
    }

    @Test
    void inactiveInstantAndOffSubscribersAreNotScheduled() {
        subscriber("daily 09:00", "Asia/Almaty", at("2026-03-01T09:00", "Asia/Almaty"));
        rows.deactivate(CHAT);
        newItem("Катар");
        clock.set(at("2026-03-02T09:00", "Asia/Almaty"));
        assertThat(scheduler.runDue()).isZero();
        rows.update("UPDATE subscribers SET active = 1, schedule = 'instant' WHERE chat_id = " + CHAT);
        assertThat(scheduler.runDue()).isZero();
        assertThat(next()).isNull(); // instant digests follow ingests, not the clock
        assertThat(digestRows()).isZero();
    }

    @Test
    void aDailySubscriberWithoutANextSlotGetsOne() {
        subscriber("weekly mon 08:00", "Asia/Almaty", null);
        clock.set(at("2026-03-04T12:00", "Asia/Almaty")); // a Wednesday
        scheduler.runDue();
        assertThat(next()).isEqualTo(ZonedDateTime.of(LocalDateTime.parse("2026-03-09T08:00"), ZoneId.of("Asia/Almaty")).toInstant());
    }

    @Test
    void quartzTicksSendTheDueDigest() {
        subscriber("daily 09:00", "Asia/Almaty", at("2026-03-01T09:00", "Asia/Almaty"));
        clock.set(at("2026-03-01T09:00:30", "Asia/Almaty"));
        newItem("Катар через Quartz");
        scheduler.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> digestRows() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> at("2026-03-02T09:00", "Asia/Almaty").equals(next()));
        assertThat(digestRows()).isEqualTo(1);
    }
}
