package kz.qazdigest.text;

import java.util.Locale;
import java.util.Set;

/**
 * The small amount of morphology qazdigest needs: which letter strings may follow a name in Kazakh (suffix
 * chains), Russian (case endings) and English (possessives), and a suffix trimmer that maps inflected words
 * to a shared stem for sentence similarity. Deliberately list-based: names are matched as stem + allowed
 * ending, never stemmed blindly. Thread-safe.
 */
public final class Morphology {

    /** Kazakh suffixes a name can carry: case, plural, possessive, -дағы, -лық, -ша and a few more. */
    static final Set<String> KAZAKH_SUFFIXES = Set.of(
            "ның", "нің", "дың", "дің", "тың", "тің",
            "ға", "ге", "қа", "ке", "на", "не", "а", "е", "ңа", "ңе",
            "да", "де", "та", "те", "нда", "нде",
            "дан", "ден", "тан", "тен", "нан", "нен",
            "мен", "бен", "пен", "ымен", "імен", "нымен", "німен",
            "ды", "ді", "ты", "ті", "ны", "ні", "н", "ын", "ін",
            "лар", "лер", "дар", "дер", "тар", "тер",
            "ы", "і", "сы", "сі", "ым", "ім", "м", "ың", "ің", "ң", "ымыз", "іміз", "мыз", "міз",
            "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі",
            "лық", "лік", "дық", "дік", "тық", "тік",
            "ша", "ше", "шы", "ші", "лы", "лі", "сыз", "сіз", "дай", "дей", "тай", "тей",
            "ғы", "гі", "қы", "кі");
    private static final int MAX_KAZAKH_SUFFIX = 5;
    private static final int MAX_CHAIN = 5;

    /**
     * Russian noun and adjective endings (after the stem has lost its nominative ending). No -ов/-ев: those
     * turn names into surnames (Китаев, Иранов).
     */
    static final Set<String> RUSSIAN_ENDINGS = Set.of(
            "", "а", "я", "у", "ю", "е", "и", "ы", "о", "ой", "ей", "ою", "ею", "ом", "ем", "ям", "ам", "ами",
            "ями", "ах", "ях", "ий", "ый", "ая", "яя", "ое", "ее", "ие", "ые", "ого", "его", "ому",
            "ему", "ую", "юю", "им", "ым", "ими", "ыми", "их", "ых", "ь", "й", "ию", "ии", "ия", "ией", "иям",
            "иях", "ью");
    private static final int MAX_RUSSIAN_ENDING = 3;

    private static final Set<String> ENGLISH_ENDINGS = Set.of("", "'s", "’s", "s", "'", "’", "es");

    private Morphology() {}

    /** Whether {@code rest} (lowercase, maybe after a hyphen) is a chain of Kazakh suffixes. */
    public static boolean isKazakhSuffixChain(String rest) {
        String s = rest.startsWith("-") ? rest.substring(1) : rest;
        if (s.isEmpty()) {
            return rest.isEmpty();
        }
        // reachable[k]: s[0..k) splits into known suffixes; short input, so this is linear in practice
        int n = s.length();
        if (n > MAX_KAZAKH_SUFFIX * MAX_CHAIN) {
            return false;
        }
        int[] pieces = new int[n + 1];
        java.util.Arrays.fill(pieces, Integer.MAX_VALUE);
        pieces[0] = 0;
        for (int from = 0; from < n; from++) {
            if (pieces[from] == Integer.MAX_VALUE || pieces[from] >= MAX_CHAIN) {
                continue;
            }
            for (int len = 1; len <= MAX_KAZAKH_SUFFIX && from + len <= n; len++) {
                if (KAZAKH_SUFFIXES.contains(s.substring(from, from + len))) {
                    pieces[from + len] = Math.min(pieces[from + len], pieces[from] + 1);
                }
            }
        }
        return pieces[n] != Integer.MAX_VALUE;
    }

    public static boolean isRussianEnding(String rest) {
        String s = rest.startsWith("-") ? rest.substring(1) : rest;
        return s.length() <= MAX_RUSSIAN_ENDING && RUSSIAN_ENDINGS.contains(s);
    }

    public static boolean isEnglishEnding(String rest) {
        return ENGLISH_ENDINGS.contains(rest);
    }

    /** The stem a Russian nominative form ({@code Испания}, {@code испанский}, {@code Китай}) inflects on. */
    public static String russianStem(String nominative) {
        String lower = nominative.toLowerCase(Locale.ROOT);
        if (lower.length() > 5 && (lower.endsWith("ий") || lower.endsWith("ый") || lower.endsWith("ой")
                || lower.endsWith("ая") || lower.endsWith("ое") || lower.endsWith("ие"))) {
            return nominative.substring(0, nominative.length() - 2);
        }
        if (lower.length() > 3 && "аяйьоеыи".indexOf(lower.charAt(lower.length() - 1)) >= 0) {
            return nominative.substring(0, nominative.length() - 1);
        }
        return nominative;
    }

    /** A lowercase stem for comparing words across inflections (summaries, not topic matching). */
    public static String trim(String word, String lang) {
        String w = word.toLowerCase(Locale.ROOT);
        return switch (lang) {
            case "kk" -> trimKazakh(w);
            case "ru" -> trimRussian(w);
            case "en" -> trimEnglish(w);
            default -> w;
        };
    }

    private static String trimKazakh(String w) {
        String s = w;
        for (int round = 0; round < 4; round++) {
            String cut = null;
            for (int len = Math.min(MAX_KAZAKH_SUFFIX, s.length() - 3); len >= 1; len--) {
                if (KAZAKH_SUFFIXES.contains(s.substring(s.length() - len))) {
                    cut = s.substring(0, s.length() - len);
                    break;
                }
            }
            if (cut == null) {
                break;
            }
            s = cut;
        }
        return s;
    }

    private static String trimRussian(String w) {
        for (int len = Math.min(MAX_RUSSIAN_ENDING, w.length() - 4); len >= 1; len--) {
            if (RUSSIAN_ENDINGS.contains(w.substring(w.length() - len))) {
                return w.substring(0, w.length() - len);
            }
        }
        return w;
    }

    private static String trimEnglish(String w) {
        String s = w.endsWith("'s") || w.endsWith("’s") ? w.substring(0, w.length() - 2) : w;
        if (s.length() > 5 && s.endsWith("ies")) {
            return s.substring(0, s.length() - 3) + "y";
        }
        for (String end : new String[] {"ing", "ed", "es", "ly", "s"}) {
            if (s.length() - end.length() >= 3 && s.endsWith(end) && !s.endsWith("ss")) {
                return s.substring(0, s.length() - end.length());
            }
        }
        return s;
    }
}
