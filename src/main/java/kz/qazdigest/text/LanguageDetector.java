package kz.qazdigest.text;

import java.util.Locale;
import java.util.Set;

/**
 * Tells Kazakh, Russian and English apart ({@code kk}, {@code ru}, {@code en}, else {@code other}) on texts
 * from one title word to a long article. Evidence is counted per word, not per letter, so a Russian text
 * quoting a Kazakh name ({@code Әлібек Бақаев}) stays Russian: a capitalised word with Kazakh letters weighs
 * little, a lowercase one a lot. Function words and a few endings decide short titles that have no
 * Kazakh-only letter. Input should be normalised first ({@link TextNormalizer}). Thread-safe.
 */
public final class LanguageDetector {

    private static final String KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";
    private static final String UKRAINIAN_LETTERS = "єїґЄЇҐ";

    private static final Set<String> KK_WORDS = words(
            "және", "мен", "бен", "пен", "үшін", "бойынша", "туралы", "арасындағы", "арасында", "бұл", "осы",
            "сондай-ақ", "деп", "деді", "атап", "өтті", "бар", "жоқ", "да", "де", "та", "те", "ал", "бірақ",
            "мен", "оның", "олар", "біз", "барлық", "жылы", "жыл", "кезінде", "кейін", "дейін", "бірге",
            "жөнінде", "жөніндегі", "қатысты", "сияқты", "ретінде", "тиіс", "болды", "болып", "екенін",
            "елдер", "елі", "ел", "екі", "жаңа", "сапар", "мемлекет", "министрі", "басшысы", "өтеді",
            "шеңберінде", "аясында", "барысында", "талқылады", "кездесті", "қабылдады", "келіссөздер");
    private static final Set<String> RU_WORDS = words(
            "и", "в", "во", "на", "с", "со", "по", "для", "что", "это", "не", "из", "от", "к", "о", "об", "при",
            "за", "как", "также", "а", "но", "его", "ее", "их", "был", "была", "были", "будет", "который",
            "которые", "между", "года", "году", "г", "президент", "министр", "глава", "встреча", "встречи",
            "стороны", "сотрудничества", "сотрудничество", "республики", "рамках", "ходе", "отметил",
            "подчеркнул", "обсудили", "с", "у", "до", "после", "под", "над", "только", "уже", "или");
    private static final Set<String> EN_WORDS = words(
            "the", "of", "and", "to", "in", "a", "an", "is", "are", "was", "were", "for", "on", "with", "by",
            "at", "as", "that", "this", "from", "be", "has", "have", "will", "its", "it", "said", "between",
            "minister", "president", "foreign", "talks", "meets", "visit", "and", "about", "over", "into");

    /** English endings: decide short headline-case titles that have no function word ("OSCE Observers Assess..."). */
    private static final String[] EN_ENDINGS = {"tion", "tions", "ment", "ments", "ness", "ship", "ary", "ies", "ers", "ing", "ed"};
    /** Russian endings that Kazakh words (without Kazakh letters) practically never have. */
    private static final String[] RU_ENDINGS = {
        "ого", "его", "ому", "ыми", "ими", "ией", "ться", "тся", "ский", "ская", "ской", "ских", "ское", "ские",
        "ный", "ная", "ной", "ных", "ное", "ным", "ении", "ения", "ение", "ости", "ость", "ует", "ают", "яют",
        "ился", "лась", "лись", "ами", "ями", "ях", "ах", "ов", "ев", "ял", "ил", "ыл"};
    /** Kazakh endings that need no Kazakh letter: plural and a few case forms. */
    private static final String[] KK_ENDINGS = {
        "лар", "лер", "дар", "тар", "ларды", "лерді", "лары", "лардың", "ларын", "лерін", "ынан", "ында",
        "ыны", "уда", "ып", "сын", "ымен", "сымен", "дары", "тары", "ларға"};

    private LanguageDetector() {}

    public static String detect(String text) {
        if (text == null || text.isBlank()) {
            return "other";
        }
        double kk = 0;
        double ru = 0;
        double en = 0;
        int cyrillicWords = 0;
        int latinWords = 0;
        int otherWords = 0;
        int ukrainian = 0;
        int nonAsciiLatin = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                i++;
                continue;
            }
            int start = i;
            int cyr = 0;
            int lat = 0;
            boolean kkLetter = false;
            while (i < n && (Character.isLetter(text.charAt(i))
                    || (text.charAt(i) == '-' && i + 1 < n && Character.isLetter(text.charAt(i + 1))))) {
                char w = text.charAt(i);
                if (TextNormalizer.isCyrillic(w)) {
                    cyr++;
                    if (KAZAKH_LETTERS.indexOf(w) >= 0) {
                        kkLetter = true;
                    }
                    if (UKRAINIAN_LETTERS.indexOf(w) >= 0) {
                        ukrainian++;
                    }
                } else if (w < 0x250 && Character.isLetter(w)) {
                    lat++;
                    if (w > 0x7f) {
                        nonAsciiLatin++;
                    }
                }
                i++;
            }
            String word = text.substring(start, i);
            String lower = word.toLowerCase(Locale.ROOT);
            boolean capitalised = Character.isUpperCase(word.charAt(0));
            if (cyr > 0 && cyr >= lat) {
                cyrillicWords++;
                if (kkLetter) {
                    kk += capitalised ? 0.35 : 1.0; // names are capitalised; running Kazakh text is not
                } else if (KK_WORDS.contains(lower)) {
                    kk += 1.0;
                } else if (RU_WORDS.contains(lower)) {
                    ru += 1.0;
                } else if (!capitalised && lower.length() > 3 && endsWithAny(lower, RU_ENDINGS)) {
                    ru += 0.6;
                } else if (lower.length() > 4 && endsWithAny(lower, KK_ENDINGS)) {
                    kk += 0.4;
                } else if (!capitalised) {
                    ru += 0.15; // a plain Cyrillic word with no Kazakh trait leans Russian
                }
                if (kkLetter && KK_WORDS.contains(lower)) {
                    kk += 0.5;
                }
            } else if (lat > 0) {
                latinWords++;
                if (EN_WORDS.contains(lower)) {
                    en += 1.0;
                } else if (lat == word.length() && lower.length() > 4 && endsWithAny(lower, EN_ENDINGS)) {
                    en += 0.5;
                }
            } else {
                otherWords++;
            }
        }
        int words = cyrillicWords + latinWords + otherWords;
        if (words == 0) {
            return "other";
        }
        if (otherWords > cyrillicWords + latinWords) {
            return "other";
        }
        if (cyrillicWords >= latinWords) {
            if (ukrainian > 0 && ukrainian * 20 >= cyrillicWords) {
                return "other";
            }
            return kk > ru ? "kk" : "ru";
        }
        // Latin script: English when its function words show up (or the text is too short to have them)
        boolean englishLike = en >= 1 ? en * 12 >= latinWords || latinWords < 12 : latinWords <= 6;
        if (nonAsciiLatin * 8 > latinWords) {
            englishLike = false; // Turkish, Kazakh Latin, German... many letters outside ASCII
        }
        return englishLike ? "en" : "other";
    }

    private static Set<String> words(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words)); // copyOf tolerates the repeats Set.of rejects
    }

    private static boolean endsWithAny(String word, String[] endings) {
        for (String e : endings) {
            if (word.endsWith(e)) {
                return true;
            }
        }
        return false;
    }
}
