package kz.qazdigest.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into word tokens in one pass: runs of letters and digits, keeping a hyphen or apostrophe
 * between two word characters ({@code ЕАЭО-да}, {@code Китай-город}, {@code Qatar's}, {@code G-20}) and the
 * dots of single-letter chains ({@code U.S}, {@code U.N}), so names, their suffixes and acronyms stay one
 * token. Thread-safe.
 */
public final class Tokenizer {

    /** A word and where it sits in the text ({@code end} exclusive). */
    public record Token(String text, int start, int end) {}

    private Tokenizer() {}

    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int segmentStart = i;
            while (i < n) {
                char c = text.charAt(i);
                if (isWordChar(c)) {
                    i++;
                } else if (isJoiner(c) && i + 1 < n && isWordChar(text.charAt(i + 1)) && i > start) {
                    i++;
                    segmentStart = i;
                } else if (c == '.' && i - segmentStart == 1 && Character.isLetter(text.charAt(i - 1))
                        && i + 1 < n && Character.isLetter(text.charAt(i + 1))
                        && (i + 2 >= n || !Character.isLetterOrDigit(text.charAt(i + 2)))) {
                    i++; // "U.S": single letters joined by dots
                    segmentStart = i;
                } else {
                    break;
                }
            }
            tokens.add(new Token(text.substring(start, i), start, i));
        }
        return tokens;
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    private static boolean isJoiner(char c) {
        return c == '-' || c == '\'' || c == '’' || c == '‐' || c == '‑';
    }
}
