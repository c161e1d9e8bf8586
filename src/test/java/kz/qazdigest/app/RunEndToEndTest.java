package kz.qazdigest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.qazdigest.feed.SampleFeedServer;
import kz.qazdigest.testing.FakeBotApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bot as an operator runs it ({@code run}), against the fake Bot API and the bundled sample feeds
 * served on 127.0.0.1: the real TelegramBots long poller and client, real Quartz polling, the real outbox and
 * sender. A subscriber's conversation, an admin's broadcast, and a restart that repeats nothing.
 */
class RunEndToEndTest {
    static final long USER = 7001;
    static final long ADMIN = 9001;
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    FakeBotApi telegram;
    SampleFeedServer feeds;
    Map<String, String> env;
    final ExecutorService runner = Executors.newSingleThreadExecutor();

    @BeforeEach
    void setUp() throws IOException {
        telegram = new FakeBotApi();
        feeds = SampleFeedServer.start(Clock.systemUTC());
        StringBuilder outlines = new StringBuilder();
        for (String name : new String[] {"kazinform-kk.xml", "kazinform-ru.xml", "astanatimes-en.xml"}) {
            outlines.append("<outline type=\"rss\" text=\"").append(name).append("\" xmlUrl=\"").append(feeds.url(name))
                    .append("\" fullText=\"never\"/>\n");
        }
        Path opml = Files.writeString(dir.resolve("feeds.opml"),
                "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body>" + outlines + "</body></opml>");
        env = Map.of(
                "TELEGRAM_BOT_TOKEN", telegram.token(),
                "TELEGRAM_API_URL", telegram.url().toString(),
                "QAZDIGEST_ADMIN_IDS", Long.toString(ADMIN),
                "QAZDIGEST_DB", dir.resolve("bot.db").toString(),
                "QAZDIGEST_FEEDS", opml.toString());
    }

    @AfterEach
    void tearDown() {
        runner.shutdownNow();
        feeds.close();
        telegram.close();
    }

    @Test
    void subscribeDigestBroadcastAndARestartThatRepeatsNothing() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        Future<Integer> bot = runner.submit(() -> new RunCommand(env, stop).call());
        await().atMost(WAIT).until(() -> storedItems() >= 26); // the first Quartz tick polls every feed at once

        telegram.pushMessage(USER, "/start", "en");
        telegram.pushMessage(ADMIN, "/start", "ru");
        telegram.pushMessage(USER, "/subscribe Қатар", "en");
        telegram.pushMessage(USER, "/digest", "en");
        await().atMost(WAIT).until(() -> digestsWithDoha() == 1);
        assertThat(telegram.sentTexts(USER)).anyMatch(t -> t.contains("Qatar")); // "Now following: Qatar"
        var digest = telegram.calls("sendMessage").stream().filter(c -> String.valueOf(c.text()).contains("Доха форумы")).findFirst().orElseThrow();
        assertThat(digest.body().path("parse_mode").asText()).isEqualTo("HTML");
        assertThat(digest.text().length()).isLessThanOrEqualTo(4096);

        telegram.pushMessage(ADMIN, "/broadcast Брифинг МИД в 15:00", "ru");
        await().atMost(WAIT).until(() -> telegram.sentTexts(USER).contains("Брифинг МИД в 15:00"));
        await().atMost(WAIT).until(() -> telegram.sentTexts(ADMIN).stream()
                .anyMatch(t -> t.matches("Рассылка №\\d+ завершена: доставлено 2, заблокировали бота 0, не удалось 0\\.")));

        telegram.pushMessage(USER, "/digest", "en");
        await().atMost(WAIT).until(() -> telegram.sentTexts(USER).stream().anyMatch(t -> t.startsWith("Nothing new")));
        stop.countDown();
        assertThat(bot.get()).isZero();

        // a restart on the same database: the confirmed updates are not replayed, the item is not sent again
        int before = telegram.calls("sendMessage").size();
        CountDownLatch stopAgain = new CountDownLatch(1);
        Future<Integer> again = runner.submit(() -> new RunCommand(env, stopAgain).call());
        telegram.pushMessage(USER, "/digest", "en");
        await().atMost(WAIT).until(() -> telegram.calls("sendMessage").size() > before);
        await().atMost(WAIT).until(() -> telegram.sentTexts(USER).stream().filter(t -> t.startsWith("Nothing new")).count() == 2);
        stopAgain.countDown();
        assertThat(again.get()).isZero();
        assertThat(digestsWithDoha()).as("the Doha item reached the chat once, across /digest twice and a restart").isEqualTo(1);
        assertThat(telegram.sentTexts(USER).stream().filter(t -> t.contains("Брифинг МИД")).count()).isEqualTo(1);
    }

    private long digestsWithDoha() {
        return telegram.sentTexts(USER).stream().filter(t -> t.contains("Доха форумы")).count();
    }

    private int storedItems() throws SQLException {
        Path db = dir.resolve("bot.db");
        if (!Files.exists(db)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM items")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            return 0; // the schema is still being created
        }
    }
}
