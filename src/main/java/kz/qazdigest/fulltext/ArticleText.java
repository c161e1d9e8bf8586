package kz.qazdigest.fulltext;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** An article body given as an HTML fragment (an API's "body" field) as clean paragraphs. */
public final class ArticleText {
    private ArticleText() {
    }

    /** Paragraphs of {@code html} with media, captions, photo credits, share and promo blocks removed. */
    public static List<String> paragraphs(String html) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        Boilerplate.strip(body);
        return ParagraphCollector.collect(body);
    }
}
