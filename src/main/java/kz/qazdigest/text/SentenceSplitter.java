package kz.qazdigest.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits kk/ru/en text into sentences. A sentence ends at {@code . ! ? …} (and their runs, plus closing
 * quotes and brackets) followed by space and a new sentence's start (a capital, a digit, an opening quote or
 * a bullet), and at every line break (paragraphs). It does not end at an initial ({@code Ә.Бақаев},
 * {@code Қ. Тоқаев}, {@code K.Tokayev}), at a listed abbreviation of the language, at a decimal point, or
 * inside «» or "" quotes. The JDK BreakIterator gets initials and Kazakh abbreviations wrong, so this is a
 * small scanner instead. Thread-safe.
 */
public final class SentenceSplitter {

    /** Abbreviations after which a sentence never ends (lowercase, with their final dot). */
    private static final Set<String> NEVER_FINAL = Set.copyOf(java.util.Arrays.asList(
            // kk
            "ж.", "жж.", "ғ.", "ғғ.", "б.", "т.", "обл.", "қ.", "көш.", "ш.", "мыс.", "проф.", "акад.",
            // ru
            "г.", "гг.", "им.", "т.е.", "т.к.", "т.н.", "руб.", "проф.", "ул.", "д.", "стр.", "см.", "тыс.",
            "рис.", "обл.", "р-н.", "ген.", "зам.", "пос.", "с.", "н.э.", "мин.", "пр.", "напр.", "вкл.",
            // en
            "mr.", "mrs.", "ms.", "dr.", "prof.", "sr.", "jr.", "st.", "u.s.", "u.n.", "u.k.", "e.u.", "e.g.",
            "i.e.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.",
            "dec.", "no.", "nos.", "vs.", "gen.", "gov.", "sen.", "rep.", "amb.", "approx.", "dept.", "fig.",
            "inc.", "corp.", "ltd.", "co."));
    /** Abbreviations that often close a sentence: they end it when a capital follows. */
    private static final Set<String> MAYBE_FINAL = Set.copyOf(java.util.Arrays.asList(
            "т.б.", "т.с.с.", "т.т.", "млн.", "млрд.", "т.д.", "т.п.", "др.", "etc.", "bn.", "mln."));

    private SentenceSplitter() {}

    /** The sentences of {@code text}, trimmed, in order; {@code lang} is kk, ru, en or other. */
    public static List<String> split(String text, String lang) {
        List<String> sentences = new ArrayList<>();
        if (text == null) {
            return sentences;
        }
        int n = text.length();
        int start = 0;
        int guillemets = 0; // «» nest
        boolean inStraightQuote = false; // "" and “” do not nest
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                add(sentences, text, start, i);
                start = i + 1;
                guillemets = 0; // an unclosed quote must not swallow the next paragraph
                inStraightQuote = false;
                continue;
            }
            if (c == '«') {
                guillemets++;
                continue;
            }
            if (c == '»') {
                guillemets = Math.max(0, guillemets - 1);
                continue;
            }
            if (c == '"' || c == '“' || c == '”' || c == '„') {
                if (c == '„') {
                    inStraightQuote = true; // Russian „…“
                } else if (c == '”') {
                    inStraightQuote = false;
                } else if (c == '“') {
                    inStraightQuote = !inStraightQuote; // opens “…” in English, closes „…“ in Russian
                } else {
                    inStraightQuote = i == 0 || isOpeningContext(text.charAt(i - 1));
                }
                continue;
            }
            if (c != '.' && c != '!' && c != '?' && c != '…') {
                continue;
            }
            int end = i + 1; // swallow "?!", "...", and closing quotes or brackets that belong to this sentence
            while (end < n && ".!?…".indexOf(text.charAt(end)) >= 0) {
                end++;
            }
            int afterQuotes = end;
            int closedGuillemets = 0;
            boolean closedStraight = false;
            while (afterQuotes < n && "»\"”)]’'".indexOf(text.charAt(afterQuotes)) >= 0) {
                char q = text.charAt(afterQuotes);
                if (q == '»') {
                    closedGuillemets++;
                } else if (q == '"' || q == '”') {
                    closedStraight = true;
                }
                afterQuotes++;
            }
            int guillemetsAfter = Math.max(0, guillemets - closedGuillemets);
            boolean straightAfter = inStraightQuote && !closedStraight;
            if (guillemetsAfter > 0 || straightAfter) {
                i = end - 1;
                continue; // inside a quotation
            }
            if (afterQuotes < n && text.charAt(afterQuotes) != ' ' && text.charAt(afterQuotes) != '\n') {
                i = end - 1;
                continue; // "2.5", "Ә.Бақаев", "gov.kz", "т.б.": no space, no break
            }
            int next = afterQuotes;
            while (next < n && text.charAt(next) == ' ') {
                next++;
            }
            if (next < n && text.charAt(next) != '\n' && !startsSentence(text, next)) {
                i = end - 1;
                continue;
            }
            if (c == '.' && end == i + 1 && next < n && text.charAt(next) != '\n' && !endsAfterDot(text, start, i)) {
                continue;
            }
            add(sentences, text, start, afterQuotes);
            guillemets = 0;
            inStraightQuote = false;
            start = afterQuotes;
            i = afterQuotes - 1;
        }
        add(sentences, text, start, n);
        return sentences;
    }

    private static boolean isOpeningContext(char previous) {
        return Character.isWhitespace(previous) || "([{«-–—:".indexOf(previous) >= 0;
    }

    private static boolean startsSentence(String text, int at) {
        char c = text.charAt(at);
        return Character.isUpperCase(c) || Character.isDigit(c) || "«\"“„([•".indexOf(c) >= 0; // not a dash: «…!» – деді ол
    }

    /** Whether the word ending with the dot at {@code dot} can close a sentence (not an initial or abbreviation). */
    private static boolean endsAfterDot(String text, int sentenceStart, int dot) {
        int wordStart = dot;
        while (wordStart > sentenceStart && !Character.isWhitespace(text.charAt(wordStart - 1))
                && "«\"“(".indexOf(text.charAt(wordStart - 1)) < 0) {
            wordStart--;
        }
        String word = text.substring(wordStart, dot + 1);
        String lower = word.toLowerCase(Locale.ROOT);
        if (NEVER_FINAL.contains(lower)) {
            return false;
        }
        if (MAYBE_FINAL.contains(lower)) {
            return true; // startsSentence already saw a capital after it
        }
        String letters = word.substring(0, word.length() - 1);
        if (letters.length() == 1 && Character.isUpperCase(letters.charAt(0))) {
            return false; // an initial: "Қ. Тоқаев", "K. Tokayev"
        }
        if (isInitialsChain(letters)) {
            return false; // "Н.Ә", "U.S", "Қ.К"
        }
        return true;
    }

    /** "U.S", "Н.Ә", "Ә.Б": single capitals joined by dots. */
    private static boolean isInitialsChain(String s) {
        if (s.length() < 3) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            boolean letterSlot = k % 2 == 0;
            if (letterSlot ? !Character.isUpperCase(c) : c != '.') {
                return false;
            }
        }
        return true;
    }

    private static void add(List<String> out, String text, int from, int to) {
        String s = text.substring(from, Math.min(to, text.length())).trim();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }
}
