package kz.qazdigest.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.List;

/**
 * Every setting of qazdigest, validated and immutable. Built once by {@link SettingsLoader} and passed
 * through constructors; nothing reads the environment anywhere else.
 */
public record Settings(
        Telegram telegram,
        Path db,
        Feeds feeds,
        Fetch fetch,
        Text text,
        FullText fullText,
        Digest digest,
        Delivery delivery) {

    /** token is empty when TELEGRAM_BOT_TOKEN is unset; only {@code run} needs it. */
    public record Telegram(Optional<String> token, URI apiUrl, Set<Long> adminIds) {
        public boolean isAdmin(long userId) {
            return adminIds.contains(userId);
        }

        @Override
        public String toString() { // never print the token
            return "Telegram[apiUrl=" + apiUrl + ", adminIds=" + adminIds + ", token=" + (token.isPresent() ? "set" : "unset") + "]";
        }
    }

    public record Feeds(Path opml, Duration pollInterval, Duration tickInterval, int pollThreads,
                        double jitter, Duration maxBackoff, boolean allowPrivateFeeds) {}

    public record Fetch(String userAgent, Duration connectTimeout, Duration readTimeout, Duration totalTimeout,
                        long maxBodyBytes, int maxRedirects) {}

    public record Text(Path topics, int summaryMaxChars) {}

    /** Per-host extraction rules: the CSS selector of the article body and selectors of things to drop. */
    public record SiteRule(String body, List<String> drop) {}

    public record FullText(int teaserChars, double perHostPerSecond, int maxAttempts, Map<String, SiteRule> sites) {}

    public record Digest(Duration recentWindow, String defaultSchedule, ZoneId defaultTimeZone, Duration tickInterval) {}

    public record Delivery(double globalPerSecond, double perChatPerSecond, double groupPerMinute, int maxAttempts) {}
}
