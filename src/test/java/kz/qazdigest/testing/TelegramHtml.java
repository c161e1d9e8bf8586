package kz.qazdigest.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a message against Telegram's HTML parse mode rules: only its tags (b, strong, i, em, u, ins, s, strike,
 * del, a href, code, pre, blockquote, tg-spoiler, span class="tg-spoiler"), properly nested and closed; only the
 * entities &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric ones; no bare &lt;, &gt; or &amp;; links http(s)
 * or tg: only; at most 4096 UTF-16 units. Returns the problems found (empty: valid).
 */
public final class TelegramHtml {
    public static final int LIMIT = 4096;
    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a",
            "code", "pre", "blockquote", "tg-spoiler", "span");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");
    private static final Pattern OPEN = Pattern.compile("<([a-z-]+)((?:\\s+[a-z-]+=\"[^\"<>]*\")*)\\s*>");
    private static final Pattern CLOSE = Pattern.compile("</([a-z-]+)\\s*>");
    private static final Pattern ATTR = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");

    private TelegramHtml() {
    }

    public static List<String> problems(String html) {
        List<String> problems = new ArrayList<>();
        if (html.length() > LIMIT) {
            problems.add("longer than " + LIMIT + " UTF-16 units: " + html.length());
        }
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char ch = html.charAt(i);
            if (ch == '<') {
                Matcher close = CLOSE.matcher(html).region(i, html.length());
                Matcher tag = OPEN.matcher(html).region(i, html.length());
                if (close.lookingAt()) {
                    String name = close.group(1);
                    if (open.isEmpty() || !open.peek().equals(name)) {
                        problems.add("unbalanced </" + name + "> at " + i);
                    } else {
                        open.pop();
                    }
                    i = close.end();
                } else if (tag.lookingAt()) {
                    String name = tag.group(1);
                    if (!TAGS.contains(name)) {
                        problems.add("tag <" + name + "> not allowed at " + i);
                    }
                    checkAttributes(name, tag.group(2), i, problems);
                    open.push(name);
                    i = tag.end();
                } else {
                    problems.add("bare '<' at " + i);
                    i++;
                }
            } else if (ch == '>') {
                problems.add("bare '>' at " + i);
                i++;
            } else if (ch == '&') {
                Matcher entity = ENTITY.matcher(html).region(i, html.length());
                if (entity.lookingAt()) {
                    i = entity.end();
                } else {
                    problems.add("bare or unknown entity '&' at " + i);
                    i++;
                }
            } else {
                i++;
            }
        }
        if (!open.isEmpty()) {
            problems.add("unclosed tags " + open);
        }
        return problems;
    }

    private static void checkAttributes(String tag, String attributes, int at, List<String> problems) {
        Matcher attr = ATTR.matcher(attributes);
        int count = 0;
        while (attr.find()) {
            count++;
            String name = attr.group(1);
            String value = attr.group(2);
            if (tag.equals("a") && name.equals("href")) {
                String lower = value.toLowerCase(Locale.ROOT);
                if (!(lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("tg://"))) {
                    problems.add("link to '" + value + "' at " + at);
                }
                for (int amp = value.indexOf('&'); amp >= 0; amp = value.indexOf('&', amp + 1)) {
                    if (!ENTITY.matcher(value).region(amp, value.length()).lookingAt()) {
                        problems.add("bare '&' in href at " + at);
                    }
                }
            } else if (!(tag.equals("span") && name.equals("class") && value.equals("tg-spoiler"))
                    && !(tag.equals("code") && name.equals("class") && value.startsWith("language-"))) {
                problems.add("attribute " + name + " not allowed on <" + tag + "> at " + at);
            }
        }
        if (tag.equals("a") && count == 0) {
            problems.add("<a> without href at " + at);
        }
        if (tag.equals("span") && count == 0) {
            problems.add("<span> without class=\"tg-spoiler\" at " + at);
        }
    }
}
