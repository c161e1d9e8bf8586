package kz.qazdigest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import kz.qazdigest.config.Settings;
import kz.qazdigest.digest.Schedule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriberStoreTest {
    // 2026-03-10 12:00 in Almaty (UTC+5): the next 09:00 is tomorrow 04:00 UTC
    static final Instant NOW = Instant.parse("2026-03-10T07:00:00Z");
    static final Settings.Digest DIGEST = new Settings.Digest(Duration.ofHours(48), "daily 09:00",
            ZoneId.of("Asia/Almaty"), Duration.ofMinutes(1));

    @TempDir
    Path dir;
    Database db;
    SubscriberStore store;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("s.db"));
        store = new SubscriberStore(db, DIGEST, Clock.fixed(NOW, ZoneId.of("UTC")));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void startRegistersWithTheDefaults() {
        SubscriberStore.Started started = store.start(42, "private", 42, "kk");
        assertThat(started.created()).isTrue();
        SubscriberStore.Subscriber s = started.subscriber();
        assertThat(s.lang()).isEqualTo("kk");
        assertThat(s.schedule()).isEqualTo("daily 09:00");
        assertThat(s.tz()).isEqualTo("Asia/Almaty");
        assertThat(s.active()).isTrue();
        assertThat(s.sinceAt()).isEqualTo(NOW.minus(Duration.ofHours(48)).toEpochMilli());
        assertThat(s.nextDigestAt()).isEqualTo(Instant.parse("2026-03-11T04:00:00Z").toEpochMilli());
        assertThat(store.start(42, "private", 42, "ru").created()).isFalse();
        assertThat(store.find(42).orElseThrow().lang()).as("a second /start keeps the chosen language").isEqualTo("kk");
    }

    @Test
    void stopThenStartResumesWithTopicsKept() {
        store.start(7, "private", 7, "en");
        assertThat(store.subscribe(7, List.of("qatar", "spain", "qatar"))).containsExactly("qatar", "spain");
        assertThat(store.stop(7)).isTrue();
        SubscriberStore.Subscriber stopped = store.find(7).orElseThrow();
        assertThat(stopped.active()).isFalse();
        assertThat(stopped.inactiveReason()).isEqualTo("stopped");
        assertThat(stopped.nextDigestAt()).isNull();
        assertThat(store.stop(7)).isFalse();

        SubscriberStore.Started again = store.start(7, "private", 7, "en");
        assertThat(again.resumed()).isTrue();
        assertThat(again.subscriber().active()).isTrue();
        assertThat(again.subscriber().inactiveReason()).isNull();
        assertThat(again.subscriber().nextDigestAt()).isNotNull();
        assertThat(store.topics(7)).containsExactly("qatar", "spain");
    }

    @Test
    void scheduleIsStoredCanonicallyAndRecomputed() {
        store.start(1, "private", 1, "ru");
        SubscriberStore.Subscriber weekly = store.setSchedule(1, Schedule.parse("WEEKLY  Fri 7:30").orElseThrow());
        assertThat(weekly.schedule()).isEqualTo("weekly fri 07:30");
        assertThat(weekly.nextDigestAt()).isEqualTo(Instant.parse("2026-03-13T02:30:00Z").toEpochMilli());
        assertThat(store.setSchedule(1, Schedule.INSTANT).nextDigestAt()).isNull();
        assertThat(store.setSchedule(1, Schedule.OFF).nextDigestAt()).isNull();
    }

    @Test
    void toggleFlipsAndUnsubscribeReportsWhatWasFollowed() {
        store.ensure(5, "group", 9, "en");
        assertThat(store.toggle(5, "eu")).isTrue();
        assertThat(store.toggle(5, "eu")).isFalse();
        store.subscribe(5, List.of("un", "sco"));
        assertThat(store.unsubscribe(5, List.of("sco", "nato"))).containsExactly("sco");
        assertThat(store.topics(5)).containsExactly("un");
        assertThat(store.find(5).orElseThrow().chatType()).isEqualTo("group");
        assertThat(store.find(5).orElseThrow().userId()).isEqualTo(9L);
    }

    @Test
    void countsActiveByLanguageAndTopTopics() {
        store.start(1, "private", 1, "kk");
        store.start(2, "private", 2, "ru");
        store.start(3, "private", 3, "ru");
        store.subscribe(1, List.of("qatar"));
        store.subscribe(2, List.of("qatar", "china"));
        store.subscribe(3, List.of("china"));
        store.stop(3);
        SubscriberStore.Counts counts = store.counts(5);
        assertThat(counts.total()).isEqualTo(3);
        assertThat(counts.active()).isEqualTo(2);
        assertThat(counts.activeByLang()).containsEntry("kk", 1).containsEntry("ru", 1);
        assertThat(counts.topTopics()).containsExactly(java.util.Map.entry("qatar", 2), java.util.Map.entry("china", 1));
    }
}
