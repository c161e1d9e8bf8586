package kz.qazdigest.bot;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.qazdigest.config.Settings;

/** Settings for bot tests, built directly (no files needed). */
public final class TestSettings {
    private TestSettings() {
    }

    public static Settings of(Path db, URI apiUrl, Set<Long> admins, boolean allowPrivateFeeds) {
        return new Settings(
                new Settings.Telegram(Optional.of("123456:TEST-token"), apiUrl, admins),
                db,
                new Settings.Feeds(Path.of("config/feeds.opml"), Duration.ofMinutes(10), Duration.ofSeconds(30), 2, 0.1,
                        Duration.ofHours(6), allowPrivateFeeds),
                new Settings.Fetch("qazdigest-test", Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10),
                        1 << 20, 5),
                new Settings.Text(Path.of("config/topics.yml"), 350),
                new Settings.FullText(400, 1.0, 3, Map.of()),
                new Settings.Digest(Duration.ofHours(48), "daily 09:00", ZoneId.of("Asia/Almaty"), Duration.ofMinutes(1)),
                new Settings.Delivery(30, 1, 20, 6));
    }
}
