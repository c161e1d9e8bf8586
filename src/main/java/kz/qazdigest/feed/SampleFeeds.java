package kz.qazdigest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundled sample feeds (src/main/resources/sample-feeds): real-shaped Kazinform kk/ru and Astana
 * Times feeds for the offline demos. {@link #render} shifts every date so the newest item reads as
 * published a few minutes ago, keeping the spacing between items.
 */
public final class SampleFeeds {
    /** One bundled feed: its file name (also its URL path on {@link SampleFeedServer}), language and title. */
    public record Sample(String name, String lang, String title) {}

    private static final List<Sample> ALL = List.of(
            new Sample("kazinform-kk.xml", "kk", "Kazinform (kk)"),
            new Sample("kazinform-ru.xml", "ru", "Kazinform (ru)"),
            new Sample("astanatimes-en.xml", "en", "The Astana Times"));
    private static final Pattern DATE = Pattern.compile("<(pubDate|lastBuildDate)>([^<]+)</\\1>");
    private static final Duration NEWEST_AGE = Duration.ofMinutes(20);

    private SampleFeeds() {
    }

    public static List<Sample> all() {
        return ALL;
    }

    /** The feed's bytes as bundled, dates untouched. */
    public static byte[] raw(String name) {
        if (ALL.stream().noneMatch(s -> s.name().equals(name))) {
            throw new IllegalArgumentException("sample feeds: no sample named '" + name + "'");
        }
        try (InputStream in = SampleFeeds.class.getResourceAsStream("/sample-feeds/" + name)) {
            if (in == null) {
                throw new IllegalStateException("sample feeds: " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("sample feeds: cannot read " + name, e);
        }
    }

    /** The feed with its dates moved so that its newest item is 20 minutes older than {@code clock}'s now. */
    public static byte[] render(String name, Clock clock) {
        String xml = new String(raw(name), StandardCharsets.UTF_8);
        Instant newest = null;
        Matcher m = DATE.matcher(xml);
        while (m.find()) {
            Instant at = parse(m.group(2));
            if (at != null && (newest == null || at.isAfter(newest))) {
                newest = at;
            }
        }
        if (newest == null) {
            return xml.getBytes(StandardCharsets.UTF_8);
        }
        // whole minutes: the rendered bytes (and so the ETag) stay the same within a minute
        Duration shift = Duration.between(newest, clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(NEWEST_AGE));
        StringBuilder out = new StringBuilder(xml.length());
        m = DATE.matcher(xml);
        while (m.find()) {
            Instant at = parse(m.group(2));
            String date = at == null ? m.group(2)
                    : DateTimeFormatter.RFC_1123_DATE_TIME.format(at.plus(shift).atZone(ZoneOffset.ofHours(5)));
            m.appendReplacement(out, Matcher.quoteReplacement("<" + m.group(1) + ">" + date + "</" + m.group(1) + ">"));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Instant parse(String date) {
        try {
            return ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
