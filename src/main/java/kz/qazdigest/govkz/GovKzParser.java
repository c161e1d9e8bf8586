package kz.qazdigest.govkz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.qazdigest.fulltext.ArticleText;
import org.jsoup.Jsoup;

/**
 * Reads one answer of the gov.kz news API into entries. Public code shows two shapes: a bare JSON array of
 * items with {@code id, title, body, created_date} (older scrapers) and a page object
 * {@code {"content": [...]}} whose items may spell the fields {@code name, createdDate, publishedDate}
 * (newer ones); both are read. An HTML page, an error object or anything but a list of items means the API
 * refused us, and is reported as such: never an empty, "successful" listing.
 */
public final class GovKzParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    // 2025-12-08T14:20:31.123+0500, 2025-12-08T14:20:31+05:00, 2025-12-08T09:20:31.123456Z
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private GovKzParser() {
    }

    public static List<GovKzEntry> parse(GovKzListing listing, String lang, byte[] body, String contentType)
            throws GovKzException {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.startsWith("<") || (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html"))) {
            throw new GovKzException("the news API answered an HTML page instead of JSON (" + describeHtml(text)
                    + "); it refuses plain requests, see README");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new GovKzException("the news API answered malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new GovKzException("cannot read the news API answer: " + e.getMessage(), e);
        }
        JsonNode items = root != null && root.isArray() ? root : root == null ? null : root.get("content");
        if (items == null || !items.isArray()) {
            throw new GovKzException("the news API answered JSON without a list of news" + errorOf(root));
        }
        List<GovKzEntry> entries = new ArrayList<>();
        for (JsonNode item : items) {
            String id = item.path("id").asText("").strip();
            String title = clean(first(item, "title", "name"));
            if (id.isEmpty() || title.isEmpty()) {
                continue; // nothing to identify or show: skip the item, not the listing
            }
            List<String> paragraphs = ArticleText.paragraphs(first(item, "body", "text", "description"));
            String story = "govkz:" + listing.project() + ":" + id;
            entries.add(new GovKzEntry(story + ":" + lang, story, lang, listing.itemLink(id, lang).toString(), title,
                    String.join("\n", paragraphs),
                    date(first(item, "published_date", "publishedDate", "created_date", "createdDate"))));
        }
        return entries;
    }

    private static String first(JsonNode item, String... names) {
        for (String name : names) {
            JsonNode v = item.get(name);
            if (v != null && !v.isNull() && !v.asText("").isBlank()) {
                return v.asText();
            }
        }
        return "";
    }

    private static String clean(String html) {
        return Jsoup.parse(html).text().strip();
    }

    static Instant date(String raw) {
        String v = raw.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (v.matches("\\d{10,13}")) { // epoch seconds or millis
            long n = Long.parseLong(v);
            return v.length() == 13 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        }
        try {
            var parsed = DATE.parseBest(v, OffsetDateTime::from, java.time.LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return odt.toInstant();
            }
            // no offset: the site's local time, Asia/Almaty
            return ((java.time.LocalDateTime) parsed).atZone(java.time.ZoneId.of("Asia/Almaty")).toInstant();
        } catch (DateTimeParseException e) {
            return null; // the caller uses the fetch time, as for feeds without dates
        }
    }

    private static String describeHtml(String html) {
        String title = Jsoup.parse(html).title().strip();
        return title.isEmpty() ? "no title" : "'" + (title.length() > 80 ? title.substring(0, 80) + "..." : title) + "'";
    }

    private static String errorOf(JsonNode root) {
        if (root == null || !root.isObject()) {
            return "";
        }
        String status = root.path("status").asText("");
        String error = first(root, "message", "error", "detail");
        String line = (status + " " + error).strip().replaceAll("\\s+", " ");
        return line.isEmpty() ? "" : " (" + (line.length() > 120 ? line.substring(0, 120) + "..." : line) + ")";
    }
}
