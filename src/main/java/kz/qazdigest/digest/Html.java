package kz.qazdigest.digest;


/** Telegram HTML for untrusted feed text: the four characters Telegram needs escaped, and safe links only. */
final class Html {
    private Html() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private static final java.util.regex.Pattern HTTP_URL =
            java.util.regex.Pattern.compile("(?i)https?://[^\\s/?#@\\p{Cntrl}]+(?:[/?#][^\\s\\p{Cntrl}]*)?");

    /**
     * The link if it is an absolute http(s) URL (javascript:, data:, relative ones are dropped), else null. Feeds
     * publish unencoded Cyrillic or quotes in links, so this checks the shape rather than java.net.URI's grammar;
     * escaping makes the rest safe.
     */
    static String safeHref(String link) {
        if (link == null) {
            return null;
        }
        String trimmed = link.strip();
        return HTTP_URL.matcher(trimmed).matches() ? trimmed : null;
    }

    /** One line of text: runs of white space (including line breaks and control characters) become one space. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
    }

    /**
     * At most {@code max} UTF-16 units, cut at a word boundary when one is near, never inside a surrogate pair,
     * with an ellipsis when something was cut.
     */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        if (max <= 1) {
            return "";
        }
        int limit = max - 1; // room for the ellipsis
        int cut = limit;
        for (int i = limit; i > limit / 2; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                cut = i;
                break;
            }
        }
        if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut).stripTrailing() + "…";
    }
}
