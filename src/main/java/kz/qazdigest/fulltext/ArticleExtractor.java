package kz.qazdigest.fulltext;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kz.qazdigest.config.Settings;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Finds an article's paragraphs in its page. A site rule for the page's host (CSS selector of the body,
 * selectors to drop) comes first; without one, or when its selector finds nothing (the site changed its
 * markup), the generic text-density rule picks the content block. Either way the same clean-up applies:
 * navigation, share bars, related news, captions, photo credits, cookie banners and promos are removed.
 * Thread-safe.
 */
public final class ArticleExtractor {
    private final SiteRules rules;

    /** @param sites host -> rule (Settings.FullText.sites); an entry for "inform.kz" also covers www.inform.kz */
    public ArticleExtractor(Map<String, Settings.SiteRule> sites) {
        this.rules = new SiteRules(Objects.requireNonNull(sites, "sites"));
    }

    public Extraction extract(String html, URI pageUrl) {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(pageUrl, "pageUrl");
        return extract(Jsoup.parse(html, pageUrl.toString()), pageUrl);
    }

    /** A fetched page: the charset comes from Content-Type, else the BOM or {@code <meta charset>}, else UTF-8. */
    public Extraction extract(byte[] body, String contentType, URI pageUrl) {
        Objects.requireNonNull(body, "body");
        String charset = charset(contentType);
        try {
            return extract(Jsoup.parse(new java.io.ByteArrayInputStream(body), charset, pageUrl.toString()), pageUrl);
        } catch (java.io.IOException | java.nio.charset.IllegalCharsetNameException
                 | java.nio.charset.UnsupportedCharsetException e) {
            if (charset == null) {
                throw new java.io.UncheckedIOException(new java.io.IOException("fulltext: cannot read page " + pageUrl, e));
            }
            return extract(body, null, pageUrl); // a bogus declared charset: let jsoup sniff
        }
    }

    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)charset\\s*=\\s*\"?([\\w.:-]+)").matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    private Extraction extract(Document doc, URI pageUrl) {
        boolean loginWall = LoginWall.detect(doc); // before clean-up: the password form goes with it
        Element root = siteRoot(doc, pageUrl.getHost()).orElse(null);
        if (root == null) {
            Boilerplate.strip(doc.body());
            root = ContentRoot.find(doc.body());
        } else {
            Boilerplate.strip(root);
        }
        List<String> paragraphs = ParagraphCollector.collect(root);
        return new Extraction(paragraphs, linkDensity(root), loginWall);
    }

    private Optional<Element> siteRoot(Document doc, String host) {
        Optional<Settings.SiteRule> rule = rules.forHost(host);
        if (rule.isEmpty() || rule.get().body().isBlank()) {
            return Optional.empty();
        }
        for (String drop : rule.get().drop()) {
            doc.select(drop).remove();
        }
        Elements bodies = doc.select(rule.get().body());
        if (bodies.isEmpty()) {
            return Optional.empty();
        }
        if (bodies.size() == 1) {
            return Optional.of(bodies.first());
        }
        Element joined = new Element("div"); // a body split across blocks: keep them in page order
        for (Element body : bodies) {
            if (body.parents().stream().noneMatch(bodies::contains)) {
                joined.appendChild(body.clone());
            }
        }
        return Optional.of(joined);
    }

    private static double linkDensity(Element root) {
        int total = root.text().length();
        if (total == 0) {
            return 0;
        }
        int inLinks = 0;
        for (Element a : root.select("a")) {
            inLinks += a.text().length();
        }
        return Math.min(1.0, (double) inLinks / total);
    }
}
