package kz.qazdigest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import kz.qazdigest.config.Settings;
import kz.qazdigest.store.Database;
import kz.qazdigest.store.Feed;
import kz.qazdigest.store.FeedOutline;
import kz.qazdigest.store.FeedStore;
import kz.qazdigest.store.Item;
import kz.qazdigest.store.ItemStore;
import kz.qazdigest.testing.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Quartz, short tick: the first tick stores the feed, a later one is answered by a 304. */
class PollSchedulerTest {
    @TempDir
    Path dir;

    @Test
    void twoTicksTheSecondAnsweredByNotModified() {
        Settings.Feeds settings = TestSettings.feeds(Duration.ofMillis(300), Duration.ofMillis(100));
        List<List<Item>> announced = new CopyOnWriteArrayList<>();
        try (FeedTestServer server = FeedTestServer.start();
             Database db = Database.open(dir.resolve("q.db"))) {
            FeedStore feeds = new FeedStore(db, Clock.systemUTC());
            ItemStore items = new ItemStore(db, Clock.systemUTC());
            feeds.importOutlines(List.of(new FeedOutline(server.url("atom").toString(), "rss", null, "en", null, null)));
            FeedPoller poller = new FeedPoller(new Fetcher(TestSettings.fetch()), new FeedParser(), TestSettings.qatarAnalyzer(),
                    feeds, items, settings, Clock.systemUTC(), announced::add);
            // a second scheduler in the same JVM must not clash with the first (Quartz names are JVM-wide)
            try (PollScheduler scheduler = new PollScheduler(feeds, poller, settings, Clock.systemUTC());
                 PollScheduler other = new PollScheduler(feeds, poller, settings, Clock.systemUTC())) {
                scheduler.start();
                other.start();
                other.close();

                await().atMost(Duration.ofSeconds(20)).until(() -> feeds.active().get(0).lastStatus() != null
                        && feeds.active().get(0).lastStatus() == 304);

                Feed feed = feeds.active().get(0);
                assertThat(server.hits("atom")).isGreaterThanOrEqualTo(2);
                assertThat(server.lastHeader("atom", "If-None-Match")).isEqualTo(feed.etag());
                assertThat(feed.failures()).isZero();
                assertThat(items.count()).isEqualTo(2);
                assertThat(announced).hasSize(1); // only the first tick had news
                assertThatThrownBy(scheduler::start).isInstanceOf(IllegalStateException.class);
            }
        }
    }
}
