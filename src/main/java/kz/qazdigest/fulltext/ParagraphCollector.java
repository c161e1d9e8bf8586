package kz.qazdigest.fulltext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns a cleaned content element into paragraphs: block boundaries and {@code <br>} end a paragraph;
 * paragraphs that are mostly link text ("Read also: ..."), photo credits, promos and empty lines are dropped.
 */
final class ParagraphCollector {
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "h2", "h3", "h4", "h5",
            "h6", "blockquote", "tr", "td", "table", "section", "article", "main", "pre", "hr", "dd", "dt", "dl",
            "address", "center");
    // "Сурет: gov.kz", "Фото: Kazinform", "Photo credit: ...": credits are not part of the story
    private static final Pattern CREDIT = Pattern.compile("^(?:(?:сурет|фото|photo|photo credit|photos|источник фото|"
            + "сурет көзі|фото автора)\\s*[:©—–-]|суретті түсірген\\s|фото\\s*©|photo\\s*by\\s).{0,120}$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern PROMO = Pattern.compile("^(?:read also|read more|see also|читайте также|"
            + "читайте нас|подписывайтесь|толығырақ|оқи отырыңыз|оқыңыз|тағы оқыңыз|сондай-ақ оқыңыз|"
            + "subscribe to|follow us)\\b.*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
            | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u3000]+");

    private ParagraphCollector() {
    }

    /** One paragraph in the making: its text and how much of it was link text. */
    private static final class Line {
        final StringBuilder text = new StringBuilder();
        int linkChars;
    }

    static List<String> collect(Element root) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line());
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String t = text.getWholeText();
                    Line line = lines.get(lines.size() - 1);
                    line.text.append(t);
                    if (insideLink(text)) {
                        line.linkChars += t.strip().length();
                    }
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    lines.add(new Line());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName()) && !e.normalName().equals("br")) {
                    lines.add(new Line());
                }
            }
        }, root);
        List<String> paragraphs = new ArrayList<>();
        for (Line line : lines) {
            String text = SPACES.matcher(line.text).replaceAll(" ").strip();
            if (keep(text, line.linkChars)) {
                paragraphs.add(text);
            }
        }
        return paragraphs;
    }

    static boolean keep(String text, int linkChars) {
        if (text.isEmpty() || text.codePoints().noneMatch(Character::isLetter)) {
            return false;
        }
        if (linkChars * 2 > text.length()) {
            return false;
        }
        if (CREDIT.matcher(text).matches() || PROMO.matcher(text).matches()) {
            return false;
        }
        return text.split(" ").length >= 3; // labels ("Бөлісу:", "Тегтер") are not paragraphs
    }

    private static boolean insideLink(Node node) {
        for (Node n = node.parentNode(); n != null; n = n.parentNode()) {
            if (n instanceof Element e && e.normalName().equals("a")) {
                return true;
            }
        }
        return false;
    }
}
