package kz.qazdigest.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds {@link Settings} from application.yml plus the environment. Each key has a default here, may be
 * set in the YAML file, and some may be overridden by an environment variable; a bad value fails with
 * {@link InvalidSettingException} naming the variable (or YAML key) it came from.
 */
public final class SettingsLoader {
    public static final String DEFAULT_CONFIG = "config/application.yml";

    private final Map<String, String> env;
    private final JsonNode yaml;
    private final String yamlName;

    private SettingsLoader(Map<String, String> env, JsonNode yaml, String yamlName) {
        this.env = env;
        this.yaml = yaml;
        this.yamlName = yamlName;
    }

    public static Settings load(Map<String, String> env) {
        String configured = nonBlank(env.get("QAZDIGEST_CONFIG"));
        Path path = Path.of(configured != null ? configured : DEFAULT_CONFIG);
        JsonNode tree;
        if (Files.isRegularFile(path)) {
            tree = readYaml(path, configured != null ? "QAZDIGEST_CONFIG" : DEFAULT_CONFIG);
        } else if (configured != null) {
            throw new InvalidSettingException("QAZDIGEST_CONFIG", "file not found: " + path);
        } else {
            tree = MissingNode.getInstance(); // no config file beside us: the built-in defaults apply
        }
        return new SettingsLoader(env, tree, path.toString()).build();
    }

    private static JsonNode readYaml(Path path, String key) {
        try (InputStream in = Files.newInputStream(path)) {
            JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(in);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            throw new InvalidSettingException(key, "cannot read " + path + ": " + firstLine(e.getMessage()));
        }
    }

    private Settings build() {
        Settings.Telegram telegram = new Settings.Telegram(
                token(),
                apiUrl(),
                adminIds());
        Path db = Path.of(string("storage.db", "QAZDIGEST_DB", "data/qazdigest.db"));
        Settings.Feeds feeds = new Settings.Feeds(
                existingFile("feeds.opml", "QAZDIGEST_FEEDS", "config/feeds.opml"),
                duration("feeds.pollInterval", "QAZDIGEST_POLL_INTERVAL", "PT10M", Duration.ofSeconds(1)),
                duration("feeds.tickInterval", null, "PT30S", Duration.ofMillis(100)),
                (int) integer("feeds.pollThreads", 4, 1, 64),
                decimal("feeds.jitter", 0.1, 0, 0.5),
                duration("feeds.maxBackoff", null, "PT6H", Duration.ofSeconds(1)),
                bool("feeds.allowPrivateFeeds", false));
        Settings.Fetch fetch = new Settings.Fetch(
                string("fetch.userAgent", null, "qazdigest/0.1 (news digest bot)"),
                duration("fetch.connectTimeout", null, "PT10S", Duration.ofMillis(10)),
                duration("fetch.readTimeout", null, "PT20S", Duration.ofMillis(10)),
                duration("fetch.totalTimeout", null, "PT60S", Duration.ofMillis(10)),
                integer("fetch.maxBodyBytes", 5L * 1024 * 1024, 1024, Integer.MAX_VALUE),
                (int) integer("fetch.maxRedirects", 5, 0, 20));
        Settings.Text text = new Settings.Text(
                Path.of(string("text.topics", null, "config/topics.yml")),
                (int) integer("text.summaryMaxChars", 350, 80, 4000));
        Settings.FullText fullText = new Settings.FullText(
                (int) integer("fullText.teaserChars", 400, 0, 100_000),
                decimal("fullText.perHostPerSecond", 1.0, 0.01, 1000),
                (int) integer("fullText.maxAttempts", 3, 1, 20),
                siteRules());
        Settings.Digest digest = new Settings.Digest(
                duration("digest.recentWindow", null, "PT48H", Duration.ofMinutes(1)),
                string("digest.defaultSchedule", null, "daily 09:00"),
                zone("digest.defaultTimeZone", "Asia/Almaty"),
                duration("digest.tickInterval", null, "PT1M", Duration.ofMillis(100)));
        Settings.Delivery delivery = new Settings.Delivery(
                decimal("delivery.globalPerSecond", 30, 0.01, 100_000),
                decimal("delivery.perChatPerSecond", 1, 0.001, 100_000),
                decimal("delivery.groupPerMinute", 20, 0.01, 1_000_000),
                (int) integer("delivery.maxAttempts", 6, 1, 100));
        return new Settings(telegram, db, feeds, fetch, text, fullText, digest, delivery);
    }

    private Optional<String> token() {
        String token = env.get("TELEGRAM_BOT_TOKEN");
        if (token == null) {
            return Optional.empty();
        }
        // never echo the value: it is a secret
        if (token.isBlank()) {
            throw new InvalidSettingException("TELEGRAM_BOT_TOKEN", "it is empty");
        }
        if (token.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidSettingException("TELEGRAM_BOT_TOKEN", "it contains white space");
        }
        return Optional.of(token);
    }

    private URI apiUrl() {
        String key = "TELEGRAM_API_URL";
        String raw = string("telegram.apiUrl", key, "https://api.telegram.org");
        URI uri;
        try {
            uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(key, "'" + raw + "' is not a URL");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new InvalidSettingException(key, "'" + raw + "' must start with http:// or https://");
        }
        if (uri.getHost() == null) {
            throw new InvalidSettingException(key, "'" + raw + "' has no host");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
            throw new InvalidSettingException(key, "'" + raw + "' has a path; TelegramBots builds "
                    + "scheme://host:port/bot<token>/<method> itself, so give only scheme://host[:port]");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new InvalidSettingException(key, "'" + raw + "' must be only scheme://host[:port]");
        }
        return uri;
    }

    private Set<Long> adminIds() {
        String key = "QAZDIGEST_ADMIN_IDS";
        String raw = string("telegram.adminIds", key, "");
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : raw.split(",")) {
            String id = part.trim();
            if (id.isEmpty()) {
                continue;
            }
            try {
                long value = Long.parseLong(id);
                if (value <= 0) {
                    throw new NumberFormatException();
                }
                ids.add(value);
            } catch (NumberFormatException e) {
                throw new InvalidSettingException(key, "'" + id + "' is not a numeric Telegram user id "
                        + "(usernames are not accepted; give ids like 123456789,987654321)");
            }
        }
        return Set.copyOf(ids);
    }

    private Map<String, Settings.SiteRule> siteRules() {
        JsonNode sites = node("fullText.sites");
        Map<String, Settings.SiteRule> rules = new LinkedHashMap<>();
        if (sites.isMissingNode() || sites.isNull()) {
            return Map.of();
        }
        if (!sites.isObject()) {
            throw invalid("fullText.sites", "expected a map of host -> {body, drop}");
        }
        sites.fields().forEachRemaining(e -> {
            String key = "fullText.sites." + e.getKey();
            JsonNode rule = e.getValue();
            if (!rule.isObject()) {
                throw invalid(key, "expected {body: css, drop: [css, ...]}");
            }
            String body = rule.path("body").asText("");
            List<String> drop = new ArrayList<>();
            rule.path("drop").forEach(d -> drop.add(d.asText()));
            checkSelector(key + ".body", body);
            drop.forEach(d -> checkSelector(key + ".drop", d));
            rules.put(e.getKey().toLowerCase(java.util.Locale.ROOT), new Settings.SiteRule(body, List.copyOf(drop)));
        });
        return Map.copyOf(rules);
    }

    /** A bad CSS selector must stop start-up, not fail on the first article page of that site. */
    private void checkSelector(String key, String css) {
        if (css.isBlank()) {
            return;
        }
        try {
            org.jsoup.select.QueryParser.parse(css);
        } catch (org.jsoup.select.Selector.SelectorParseException | IllegalArgumentException e) {
            throw invalid(key, "'" + css + "' is not a CSS selector: " + firstLine(e.getMessage()));
        }
    }

    // ---- typed readers: value from the environment variable if given, else the YAML key, else the default

    private String string(String yamlKey, String envKey, String fallback) {
        if (envKey != null) {
            String fromEnv = env.get(envKey);
            if (fromEnv != null) {
                return fromEnv.trim();
            }
        }
        JsonNode node = node(yamlKey);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isValueNode()) {
            throw invalid(yamlKey, "expected a single value");
        }
        return node.asText().trim();
    }

    private String keyName(String yamlKey, String envKey) {
        return envKey != null && env.get(envKey) != null ? envKey : yamlKey;
    }

    private Duration duration(String yamlKey, String envKey, String fallback, Duration min) {
        String raw = string(yamlKey, envKey, fallback);
        String key = keyName(yamlKey, envKey);
        Duration value;
        try {
            value = Duration.parse(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidSettingException(key, "'" + raw + "' is not an ISO-8601 duration such as PT10M or PT1H");
        }
        if (value.compareTo(min) < 0) {
            throw new InvalidSettingException(key, "'" + raw + "' is shorter than the minimum " + min);
        }
        return value;
    }

    private long integer(String yamlKey, long fallback, long min, long max) {
        String raw = string(yamlKey, null, Long.toString(fallback));
        try {
            long value = Long.parseLong(raw);
            if (value < min || value > max) {
                throw invalid(yamlKey, "'" + raw + "' is outside " + min + ".." + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(yamlKey, "'" + raw + "' is not a whole number");
        }
    }

    private double decimal(String yamlKey, double fallback, double min, double max) {
        String raw = string(yamlKey, null, Double.toString(fallback));
        try {
            double value = Double.parseDouble(raw);
            if (!(value >= min && value <= max)) {
                throw invalid(yamlKey, "'" + raw + "' is outside " + min + ".." + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(yamlKey, "'" + raw + "' is not a number");
        }
    }

    private boolean bool(String yamlKey, boolean fallback) {
        String raw = string(yamlKey, null, Boolean.toString(fallback));
        return switch (raw.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw invalid(yamlKey, "'" + raw + "' is not true or false");
        };
    }

    private ZoneId zone(String yamlKey, String fallback) {
        String raw = string(yamlKey, null, fallback);
        try {
            return ZoneId.of(raw);
        } catch (DateTimeException e) {
            throw invalid(yamlKey, "'" + raw + "' is not an IANA time zone such as Asia/Almaty");
        }
    }

    private Path existingFile(String yamlKey, String envKey, String fallback) {
        String raw = string(yamlKey, envKey, fallback);
        Path path = Path.of(raw);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new InvalidSettingException(keyName(yamlKey, envKey), "file not found or not readable: " + raw);
        }
        return path;
    }

    private JsonNode node(String dottedKey) {
        JsonNode node = yaml;
        for (String part : dottedKey.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    private InvalidSettingException invalid(String yamlKey, String reason) {
        return new InvalidSettingException(yamlKey + " (" + yamlName + ")", reason);
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
