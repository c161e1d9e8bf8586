package kz.qazdigest.store;

import com.rometools.opml.feed.opml.Opml;
import com.rometools.opml.feed.opml.Outline;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the operator's OPML 2.0 feed list with rome-opml: every outline with an xmlUrl, nested or not.
 * {@code type} gives the kind ("rss", or "govkz" for the gov.kz press pages); {@code language} (or
 * {@code lang}), {@code fullText} and {@code extraHosts} are optional.
 */
public final class OpmlFeedList {
    private static final Set<String> FULL_TEXT = Set.of("auto", "always", "never");

    private OpmlFeedList() {
    }

    public static List<FeedOutline> read(Path file) {
        WireFeed wire;
        try (InputStream in = Files.newInputStream(file)) {
            WireFeedInput input = new WireFeedInput();
            input.setAllowDoctypes(false);
            wire = input.build(new XmlReader(in, true, "UTF-8"));
        } catch (IOException | FeedException | RuntimeException e) {
            throw new StoreException("opml: cannot read " + file + ": " + oneLine(e.getMessage()), e);
        }
        if (!(wire instanceof Opml opml)) {
            throw new StoreException("opml: " + file + " is not an OPML document", null);
        }
        List<FeedOutline> feeds = new ArrayList<>();
        collect(opml.getOutlines(), feeds, file);
        return feeds;
    }

    private static void collect(List<Outline> outlines, List<FeedOutline> into, Path file) {
        for (Outline o : outlines) {
            String url = trimToNull(o.getXmlUrl());
            if (url != null) {
                into.add(outline(o, url, file));
            }
            collect(o.getChildren(), into, file);
        }
    }

    private static FeedOutline outline(Outline o, String url, Path file) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http") || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new StoreException("opml: " + file + ": xmlUrl '" + url + "' is not an http(s) URL", e);
        }
        String kind = trimToNull(o.getType());
        kind = kind == null ? "rss" : kind.toLowerCase(Locale.ROOT);
        String lang = trimToNull(o.getAttributeValue("language"));
        if (lang == null) {
            lang = trimToNull(o.getAttributeValue("lang"));
        }
        String fullText = trimToNull(o.getAttributeValue("fullText"));
        if (fullText != null && !FULL_TEXT.contains(fullText.toLowerCase(Locale.ROOT))) {
            throw new StoreException("opml: " + file + ": fullText='" + fullText + "' of " + url
                    + " must be auto, always or never", null);
        }
        String title = trimToNull(o.getText());
        return new FeedOutline(url, kind, title != null ? title : trimToNull(o.getTitle()),
                lang == null ? null : lang.toLowerCase(Locale.ROOT),
                fullText == null ? null : fullText.toLowerCase(Locale.ROOT),
                trimToNull(o.getAttributeValue("extraHosts")));
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String oneLine(String s) {
        return s == null ? "unknown error" : s.replaceAll("\\s+", " ").trim();
    }
}
