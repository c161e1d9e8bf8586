package kz.qazdigest.text;

import java.util.List;
import java.util.Locale;

/**
 * Recognises the parts of a news page that are not the story: photo credits ({@code Сурет: gov.kz},
 * {@code Фото: пресс-служба Акорды}, {@code Photo:}), "read more" links, source lines, and the dateline at
 * the head of an agency story ({@code АСТАНА. KAZINFORM – }). An agency byline inside a sentence
 * ({@code ..., деп хабарлайды ... баспасөз қызметінен.}) is part of that sentence and stays.
 */
final class Boilerplate {
    private static final List<String> LINE_STARTS = List.of(
            "сурет:", "суреттер:", "сурет –", "сурет -", "фото:", "фото –", "фото -", "фото —", "фотосурет",
            "photo:", "photo by", "photo credit", "photos:", "image:", "illustrative", "иллюстрац", "видео:",
            "video:", "толығырақ", "подробнее", "read more", "читайте также", "оқи отырыңыз", "оқыңыз:",
            "see also", "also read", "related:", "источник:", "дереккөз:", "source:", "тегтер:", "теги:",
            "tags:", "поделиться", "бөлісу", "share:", "© ", "copyright", "автор:", "author:");
    private static final List<String> AGENCIES = List.of(
            "kazinform", "казинформ", "қазақпарат", "kazakhstan today", "tengrinews", "the astana times",
            "akorda", "акорда", "ақорда", "kaztag", "interfax", "интерфакс", "тасс", "tass", "ria novosti");

    private Boilerplate() {}

    /** A whole paragraph or sentence that is not part of the story. */
    static boolean isBoilerplate(String line) {
        String s = line.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return true;
        }
        for (String start : LINE_STARTS) {
            if (s.startsWith(start)) {
                return true;
            }
        }
        boolean hasLetter = false;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                hasLetter = true;
                break;
            }
        }
        return !hasLetter || !s.contains(" ") && (s.startsWith("http") || s.startsWith("www.") || s.matches(".*\\.[a-z]{2,4}/?"));
    }

    /** A dateline standing as its own sentence: "Доха, 12 февраля.", "Нью-Йорк, 23 қыркүйек.", "ASTANA, Feb. 5." */
    static boolean isDateline(String sentence) {
        String s = sentence.strip();
        return s.length() <= 40 && s.split("\\s+").length <= 5 && s.chars().anyMatch(Character::isDigit)
                && Character.isUpperCase(s.charAt(0)) && s.indexOf(',') > 0 && s.indexOf(',') < 20;
    }

    /** The paragraph without its leading dateline ("АСТАНА, 5 наурыз. KAZINFORM – "), if it has one. */
    static String stripDateline(String paragraph) {
        int limit = Math.min(paragraph.length(), 90);
        int dash = -1;
        int dashLength = 0;
        for (int i = 1; i + 1 < limit; i++) {
            char c = paragraph.charAt(i);
            if ((c == '–' || c == '—' || c == '-') && paragraph.charAt(i - 1) == ' ' && paragraph.charAt(i + 1) == ' ') {
                dash = i;
                dashLength = 2;
                break;
            }
        }
        if (dash < 0) {
            return paragraph;
        }
        String prefix = paragraph.substring(0, dash).strip();
        String lower = prefix.toLowerCase(Locale.ROOT);
        boolean agency = AGENCIES.stream().anyMatch(lower::contains);
        // the place in capitals, possibly two or three words ("NEW YORK", "ABU DHABI", "НЬЮ-ЙОРК")
        String[] words = prefix.split("[\\s,.]+");
        int capsWords = 0;
        int capsLetters = 0;
        while (capsWords < words.length && capsWords < 3 && isCapsWord(words[capsWords])) {
            capsLetters += words[capsWords].replace("-", "").length();
            capsWords++;
        }
        boolean capsPlace = capsWords > 0 && capsLetters >= 4;
        boolean dated = prefix.chars().anyMatch(Character::isDigit);
        boolean shortPrefix = words.length <= 6;
        if (agency && shortPrefix || capsPlace && (dated || capsWords == words.length)) {
            return paragraph.substring(dash + dashLength).strip();
        }
        return paragraph;
    }

    private static boolean isCapsWord(String word) {
        boolean letters = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters = true;
            } else if (c != '-') {
                return false;
            }
        }
        return letters;
    }
}
