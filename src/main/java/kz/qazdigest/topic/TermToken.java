package kz.qazdigest.topic;

import kz.qazdigest.text.Morphology;

/**
 * One word of a term from topics.yml, compiled: a folded stem, what may follow it (nothing, the language's
 * suffixes, anything) and the case the text must have.
 */
final class TermToken {
    enum Marker { EXACT, STEM, PREFIX }

    enum Casing { ACRONYM, CAPITALISED, ANY }

    final String stem; // folded (lowercase, ё as е)
    private final String written; // the stem as written, for acronyms
    final Marker marker;
    final Casing casing;
    private final String lang; // kk, ru, en or all

    private TermToken(String stem, String written, Marker marker, Casing casing, String lang) {
        this.stem = stem;
        this.written = written;
        this.marker = marker;
        this.casing = casing;
        this.lang = lang;
    }

    /** {@code word} is one text token of a term, with an optional trailing {@code +} or {@code *}. */
    static TermToken compile(String word, String lang) {
        Marker marker = Marker.EXACT;
        String w = word;
        if (w.endsWith("+")) {
            marker = Marker.STEM;
            w = w.substring(0, w.length() - 1);
        } else if (w.endsWith("*")) {
            marker = Marker.PREFIX;
            w = w.substring(0, w.length() - 1);
        }
        if (w.isEmpty()) {
            throw new IllegalArgumentException("empty word in '" + word + "'");
        }
        Casing casing = casingOf(w);
        if (marker == Marker.STEM && "ru".equals(lang) && casing != Casing.ACRONYM) {
            w = Morphology.russianStem(w); // Испания+ inflects on Испани-: Испании, Испанией
        }
        return new TermToken(fold(w), w, marker, casing, lang);
    }

    private static Casing casingOf(String w) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        if (letters >= 2 && upper == letters) {
            return Casing.ACRONYM;
        }
        return Character.isUpperCase(w.charAt(0)) ? Casing.CAPITALISED : Casing.ANY;
    }

    boolean matches(String token) {
        String folded = fold(token);
        return folded.startsWith(stem) && restMatches(token, folded.substring(stem.length()));
    }

    /** The token starts with this stem (folded); does the rest and the token's case fit the rule? */
    boolean restMatches(String token, String rest) {
        switch (casing) {
            case ACRONYM -> {
                if (!token.startsWith(written)) {
                    return false;
                }
            }
            case CAPITALISED -> {
                if (!Character.isUpperCase(token.charAt(0))) {
                    return false;
                }
            }
            case ANY -> { }
        }
        return switch (marker) {
            case PREFIX -> true;
            case STEM -> suffixAllowed(rest);
            case EXACT -> rest.isEmpty() || rest.equals("'s") || rest.equals("’s")
                    || rest.startsWith("-") && suffixAllowed(rest);
        };
    }

    private boolean suffixAllowed(String rest) {
        return switch (lang) {
            case "kk" -> Morphology.isKazakhSuffixChain(rest);
            case "ru" -> Morphology.isRussianEnding(rest);
            case "en" -> Morphology.isEnglishEnding(rest);
            default -> Morphology.isKazakhSuffixChain(rest) || Morphology.isRussianEnding(rest)
                    || Morphology.isEnglishEnding(rest);
        };
    }

    /** Lowercase char by char (keeps offsets: no one-to-many mappings) and ё folded into е. */
    static String fold(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            out[i] = c == 'ё' ? 'е' : c == '’' ? '\'' : c;
        }
        return new String(out);
    }
}
