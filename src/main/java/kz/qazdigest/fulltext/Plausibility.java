package kz.qazdigest.fulltext;

import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether an extraction is worth more than the feed's own text. It "looks wrong" when it is empty
 * or too short, mostly links (a listing or a menu), a login wall, or no longer than the teaser itself;
 * then the caller keeps the feed's text.
 */
public final class Plausibility {
    static final int MIN_CHARS = 250;
    static final double MAX_LINK_DENSITY = 0.5;

    private Plausibility() {
    }

    /** The reason the extraction should not replace {@code teaser}, or empty when it is a real article. */
    public static Optional<String> problem(Extraction extraction, String teaser) {
        int length = extraction.length();
        if (extraction.loginWall() && length < 4 * MIN_CHARS) {
            return Optional.of("login wall");
        }
        if (extraction.paragraphs().isEmpty()) {
            return Optional.of("no article text found");
        }
        if (extraction.linkDensity() > MAX_LINK_DENSITY) {
            return Optional.of(String.format(Locale.ROOT, "mostly links (%.0f%% of the text)", 100 * extraction.linkDensity()));
        }
        if (length < MIN_CHARS) {
            return Optional.of("too short (" + length + " chars)");
        }
        String full = letters(extraction.text());
        String feed = letters(teaser == null ? "" : teaser);
        if (full.length() <= feed.length() * 1.1) {
            return Optional.of("no longer than the feed's text");
        }
        return Optional.empty();
    }

    private static String letters(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }
}
