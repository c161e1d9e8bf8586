package kz.qazdigest.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RSS 0.9x/1.0/2.0 and Atom to {@link ParsedFeed}. ROME detects the format and dispatches; this class only
 * picks the charset, refuses DOCTYPEs (so no external entity is ever resolved) and maps entries to clean
 * text. Thread-safe.
 */
public final class FeedParser {
    private static final Pattern PROLOG_ENCODING = Pattern.compile("<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");
    private static final Charset CYRILLIC_FALLBACK = Charset.forName("windows-1251");
    private static final int MAX_TITLE = 300;

    public ParsedFeed parse(byte[] body, String contentType, URI feedUrl) throws FeedParseException {
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false); // the default, stated: DOCTYPE means XXE risk, and feeds do not need one
            input.setPreserveWireFeed(true); // for the RSS <ttl>
            SyndFeed feed;
            try (Reader reader = reader(body, contentType)) {
                feed = input.build(reader);
            }
            List<ParsedEntry> entries = new ArrayList<>();
            for (SyndEntry entry : feed.getEntries()) {
                ParsedEntry parsed = entry(entry, feedUrl);
                if (parsed != null) {
                    entries.add(parsed);
                }
            }
            return new ParsedFeed(HtmlText.toLine(feed.getTitle()), ttl(feed.originalWireFeed()), entries);
        } catch (FeedException | IOException | RuntimeException e) {
            // ROME and JDOM throw a mix of checked and unchecked exceptions on hostile input: one type out
            throw new FeedParseException(Fetcher.describe(e), e);
        }
    }

    /**
     * ROME's lenient XmlReader follows HTTP charset, BOM and prolog. When that says UTF-8 but the bytes are
     * not UTF-8 (a windows-1251 site with a wrong declaration), decode by the prolog's own charset, else
     * windows-1251: every byte sequence is valid there, and our sources are Cyrillic.
     */
    private static Reader reader(byte[] body, String contentType) throws IOException {
        XmlReader xml = new XmlReader(new ByteArrayInputStream(body), contentType, true);
        String encoding = xml.getEncoding() == null ? "UTF-8" : xml.getEncoding().toUpperCase(Locale.ROOT);
        if (!encoding.equals("UTF-8") || isUtf8(body)) {
            return xml;
        }
        xml.close();
        Charset fallback = CYRILLIC_FALLBACK;
        Matcher m = PROLOG_ENCODING.matcher(new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1));
        if (m.find()) {
            try {
                Charset declared = Charset.forName(m.group(1));
                if (!declared.equals(StandardCharsets.UTF_8)) {
                    fallback = declared;
                }
            } catch (IllegalArgumentException ignored) {
                // unknown charset name: keep the Cyrillic fallback
            }
        }
        return new StringReader(new String(body, fallback));
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static ParsedEntry entry(SyndEntry entry, URI feedUrl) {
        String link = absolute(feedUrl, link(entry));
        String body = body(entry);
        String title = HtmlText.toLine(entry.getTitle());
        if (title.isEmpty()) {
            title = body.isEmpty() ? "" : firstWords(body.lines().findFirst().orElse(""));
        }
        if (title.isEmpty() && link == null) {
            return null; // nothing a reader could recognise
        }
        String guid = entry.getUri();
        guid = guid == null || guid.isBlank() ? link : guid.trim();
        return new ParsedEntry(guid, link, title, body, instant(entry.getPublishedDate(), entry.getUpdatedDate()));
    }

    private static String link(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink().trim();
        }
        for (SyndLink l : entry.getLinks()) {
            if (l.getHref() != null && (l.getRel() == null || l.getRel().equals("alternate"))) {
                return l.getHref().trim();
            }
        }
        return null;
    }

    /** content:encoded / Atom content when it says more than the description (which is often a teaser). */
    private static String body(SyndEntry entry) {
        SyndContent description = entry.getDescription();
        String best = description == null ? "" : HtmlText.toText(description.getValue());
        for (SyndContent content : entry.getContents()) {
            String text = HtmlText.toText(content.getValue());
            if (text.length() > best.length()) {
                best = text;
            }
        }
        return best;
    }

    private static Instant instant(Date published, Date updated) {
        Date date = published != null ? published : updated;
        return date == null ? null : date.toInstant();
    }

    private static String absolute(URI base, String link) {
        if (link == null) {
            return null;
        }
        try {
            return base == null ? link : base.resolve(link.replace(" ", "%20")).toString();
        } catch (IllegalArgumentException e) {
            return link; // keep what the feed said; the canonicaliser will cope or give up
        }
    }

    private static Duration ttl(WireFeed wire) {
        return wire instanceof Channel channel && channel.getTtl() > 0 ? Duration.ofMinutes(channel.getTtl()) : null;
    }

    private static String firstWords(String line) {
        return line.length() <= MAX_TITLE ? line : line.substring(0, MAX_TITLE).trim() + "…";
    }
}
