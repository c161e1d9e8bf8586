package kz.qazdigest.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.qazdigest.config.Settings;
import kz.qazdigest.text.Analysis;
import kz.qazdigest.text.ArticleAnalyzer;
import kz.qazdigest.topic.TopicMatch;

/** Settings built directly (no files needed): short timeouts, a small body cap, no jitter; and a stand-in analyser. */
public final class TestSettings {
    public static final long MAX_BODY = 256 * 1024;

    private TestSettings() {
    }

    /** The whole tree, for tests that wire the bot or the commands. */
    public static Settings of(Path db, URI apiUrl, Set<Long> admins, boolean allowPrivateFeeds) {
        return new Settings(
                new Settings.Telegram(Optional.of("123456:TEST-token"), apiUrl, admins),
                db,
                feeds(Duration.ofMinutes(10), Duration.ofSeconds(30), allowPrivateFeeds),
                fetch(),
                new Settings.Text(Path.of("config/topics.yml"), 350),
                new Settings.FullText(400, 1.0, 3, Map.of()),
                new Settings.Digest(Duration.ofHours(48), "daily 09:00", ZoneId.of("Asia/Almaty"), Duration.ofMinutes(1)),
                new Settings.Delivery(30, 1, 20, 6));
    }

    public static Settings.Fetch fetch() {
        return fetch(Duration.ofMillis(700), MAX_BODY);
    }

    public static Settings.Fetch fetch(Duration readTimeout, long maxBody) {
        return new Settings.Fetch("qazdigest-test/0.1 (+tests)", Duration.ofSeconds(2), readTimeout,
                Duration.ofSeconds(5), maxBody, 5);
    }

    /** Private addresses allowed: the test servers listen on 127.0.0.1. */
    public static Settings.Feeds feeds(Duration pollInterval, Duration tick) {
        return feeds(pollInterval, tick, true);
    }

    public static Settings.Feeds feeds(Duration pollInterval, Duration tick, boolean allowPrivateFeeds) {
        return new Settings.Feeds(Path.of("unused.opml"), pollInterval, tick, 3, 0.0, Duration.ofHours(6), allowPrivateFeeds);
    }

    /** Tags "qatar" when the title names it; a stand-in for the real analyser. */
    public static ArticleAnalyzer qatarAnalyzer() {
        return (title, body) -> {
            for (String word : List.of("Катар", "Qatar", "Қатар")) {
                if (title.contains(word)) {
                    return new Analysis("other", List.of(new TopicMatch("qatar", List.of(word))), body.lines().findFirst().orElse(""));
                }
            }
            return new Analysis("other", List.of(), "");
        };
    }
}
