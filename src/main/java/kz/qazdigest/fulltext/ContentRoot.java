package kz.qazdigest.fulltext;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The generic rule for pages without a site rule: the element holding the most paragraph text wins.
 * Each paragraph (a {@code <p>}-like block, or a block's own loose text as Akorda writes it, split by
 * {@code <br>}) credits its non-link text to its parent in full and to its grandparent in half, so the
 * article body beats both a single long paragraph and the whole page.
 */
final class ContentRoot {
    private static final Set<String> PARAGRAPHS = Set.of("p", "blockquote", "pre", "li", "h2", "h3", "h4");
    private static final int MIN_PARAGRAPH = 25; // shorter blocks are labels, dates, menu items

    private ContentRoot() {
    }

    static Element find(Element body) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element e : body.getAllElements()) {
            double own;
            Element creditFrom;
            if (PARAGRAPHS.contains(e.normalName())) {
                own = plainTextLength(e);
                creditFrom = e;
            } else {
                own = looseTextLength(e); // text sitting directly in a div: the container is the paragraph holder
                creditFrom = null;
                if (own >= MIN_PARAGRAPH) {
                    scores.merge(e, own, Double::sum);
                }
                continue;
            }
            if (own < MIN_PARAGRAPH) {
                continue;
            }
            Element parent = creditFrom.parent();
            if (parent != null) {
                scores.merge(parent, own, Double::sum);
                Element grandparent = parent.parent();
                if (grandparent != null) {
                    scores.merge(grandparent, own / 2, Double::sum);
                }
            }
        }
        Element best = body;
        double bestScore = 0;
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            if (entry.getValue() > bestScore) {
                best = entry.getKey();
                bestScore = entry.getValue();
            }
        }
        return best;
    }

    /** Text length of the element outside links (link text is navigation, not story). */
    static int plainTextLength(Element e) {
        int total = e.text().length();
        int inLinks = 0;
        for (Element a : e.select("a")) {
            inLinks += a.text().length();
        }
        return Math.max(0, total - 2 * inLinks); // a link-heavy block scores below nothing
    }

    private static int looseTextLength(Element e) {
        int length = 0;
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode text) {
                length += text.text().trim().length();
            }
        }
        return length;
    }
}
