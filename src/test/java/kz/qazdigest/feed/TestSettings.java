package kz.qazdigest.feed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kz.qazdigest.config.Settings;
import kz.qazdigest.text.Analysis;
import kz.qazdigest.text.ArticleAnalyzer;
import kz.qazdigest.topic.TopicMatch;

/** Settings and an analyser for feed tests: short timeouts, a small body cap, no jitter. */
final class TestSettings {
    static final long MAX_BODY = 256 * 1024;

    private TestSettings() {
    }

    static Settings.Fetch fetch() {
        return new Settings.Fetch("qazdigest-test/0.1 (+tests)", Duration.ofSeconds(2), Duration.ofMillis(700),
                Duration.ofSeconds(5), MAX_BODY, 5);
    }

    static Settings.Feeds feeds(Duration pollInterval, Duration tick) {
        return new Settings.Feeds(Path.of("unused.opml"), pollInterval, tick, 3, 0.0, Duration.ofHours(6), true);
    }

    /** Tags "qatar" when the title names it; a stand-in for the text helper's analyser. */
    static ArticleAnalyzer qatarAnalyzer() {
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
