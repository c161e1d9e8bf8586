package kz.qazdigest.text;

import java.text.Normalizer;

/**
 * Cleans text before anything else reads it: Unicode NFC, Latin look-alikes inside Cyrillic words mapped to
 * the Cyrillic letters they stand for (real Kazakh pages type Latin {@code i} for {@code і}, {@code ə} for
 * {@code ә}, Khanty {@code ӊ} for {@code ң}), soft hyphens and zero-width characters removed, odd spaces made
 * plain, runs of spaces collapsed. Line breaks survive (they separate paragraphs); blank-line runs shrink
 * to one blank line. Stateless and thread-safe.
 */
public final class TextNormalizer {

    private TextNormalizer() {}

    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return collapseSpaces(repairHomoglyphs(cleanCharacters(nfc)));
    }

    /** Drops invisible characters and maps every space-like character to ' ' and every line break to '\n'. */
    private static String cleanCharacters(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF' -> { } // soft hyphen, zero-width
                case '\r' -> {
                    out.append('\n');
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n', '\u2028', '\u2029', '\u0085' -> out.append('\n');
                default -> {
                    if (c == '\t' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u3000'
                            || (c >= '\u2000' && c <= '\u200A') || c == '\u000B' || c == '\u000C') {
                        out.append(' ');
                    } else if (Character.isISOControl(c)) {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Latin letters that look like Cyrillic ones: fixed only inside words that also hold Cyrillic letters. */
    static char cyrillicTwin(char c) {
        return switch (c) {
            case 'a' -> 'а'; case 'A' -> 'А';
            case 'e' -> 'е'; case 'E' -> 'Е';
            case 'o' -> 'о'; case 'O' -> 'О';
            case 'p' -> 'р'; case 'P' -> 'Р';
            case 'c' -> 'с'; case 'C' -> 'С';
            case 'x' -> 'х'; case 'X' -> 'Х';
            case 'y' -> 'у'; case 'Y' -> 'У';
            case 'i' -> 'і'; case 'I' -> 'І';
            case 'h' -> 'һ'; case 'H' -> 'Н';
            case 'k' -> 'к'; case 'K' -> 'К';
            case 'B' -> 'В'; case 'M' -> 'М'; case 'T' -> 'Т';
            case 'ə' -> 'ә'; case 'Ə' -> 'Ә'; // U+0259 / U+018F, the Kazakh keyboard workaround
            case 'ӊ' -> 'ң'; case 'Ӊ' -> 'Ң'; // U+04CA / U+04C9 (Khanty en with tail)
            default -> 0;
        };
    }

    private static String repairHomoglyphs(String s) {
        StringBuilder out = null;
        int i = 0;
        int n = s.length();
        while (i < n) {
            if (!Character.isLetter(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int cyrillic = 0;
            int foreign = 0; // Latin letters with no Cyrillic twin: the word is really Latin
            int twins = 0;
            while (i < n && Character.isLetter(s.charAt(i))) {
                char c = s.charAt(i);
                if (isCyrillic(c) && c != 'ӊ' && c != 'Ӊ') {
                    cyrillic++;
                } else if (cyrillicTwin(c) != 0) {
                    twins++;
                } else {
                    foreign++;
                }
                i++;
            }
            if (twins > 0 && cyrillic > 0 && foreign == 0) {
                if (out == null) {
                    out = new StringBuilder(s);
                }
                for (int k = start; k < i; k++) {
                    char twin = cyrillicTwin(s.charAt(k));
                    if (twin != 0) {
                        out.setCharAt(k, twin);
                    }
                }
            }
        }
        return out == null ? s : out.toString();
    }

    static boolean isCyrillic(char c) {
        return Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC;
    }

    /** One space between words, no spaces around line breaks, at most one blank line between paragraphs. */
    private static String collapseSpaces(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int newlines = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                newlines++;
                pendingSpace = false;
            } else if (c == ' ') {
                pendingSpace = out.length() > 0 && newlines == 0;
            } else {
                if (out.length() > 0) {
                    if (newlines > 0) {
                        out.append(newlines > 1 ? "\n\n" : "\n");
                    } else if (pendingSpace) {
                        out.append(' ');
                    }
                }
                newlines = 0;
                pendingSpace = false;
                out.append(c);
            }
        }
        return out.toString();
    }
}
