package kz.qazdigest.feed;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Feed HTML to clean text: scripts, styles, images, iframes and forms dropped; paragraphs, headings,
 * list items and {@code <br>} become line breaks; entities decoded; runs of white space collapsed.
 * Credit lines ("Сурет: gov.kz") stay: recognising them is the text analyser's job.
 */
public final class HtmlText {
    private static final String DROPPED = "script, style, noscript, img, picture, video, audio, iframe, object, "
            + "embed, svg, form, button, input, select, textarea, template";
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4",
            "h5", "h6", "blockquote", "tr", "table", "section", "article", "header", "footer", "figure",
            "figcaption", "pre", "hr", "dd", "dt", "dl", "address");

    private HtmlText() {
    }

    /** Clean text with one paragraph per line; "" for null. */
    public static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return tidy(html); // plain text: no need to build a DOM
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select(DROPPED).remove();
        StringBuilder out = new StringBuilder(html.length());
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName()) && !e.normalName().equals("br")) {
                    out.append('\n');
                }
            }
        }, doc.body());
        return tidy(out.toString());
    }

    /** Clean text on one line (titles). */
    public static String toLine(String html) {
        return toText(html).replace('\n', ' ');
    }

    /** Collapses white space within lines (nbsp included) and drops empty lines. */
    static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\\R")) {
            String clean = line.replace('\u00A0', ' ').replaceAll("[ \\t\\x0B\\f\\u2000-\\u200B\\u202F\\u3000]+", " ").trim();
            if (!clean.isEmpty()) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(clean);
            }
        }
        return out.toString();
    }
}
