package kz.qazdigest.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Extractive summary in the article's own language. Sentences are scored by position (news puts the point
 * first), by TextRank centrality over suffix-trimmed content words, and by overlap with the title; the lead
 * sentence opens the summary, whole, when it is informative; further sentences are added best first while
 * they fit and do not repeat what is chosen; the result keeps the original order and ends at a sentence
 * boundary within {@code maxChars}. A lead longer than the cap is cut at a word boundary with "…".
 * Photo credits, read-more links and datelines never reach the summary. Thread-safe.
 */
public final class Summarizer {
    private static final int MIN_INFORMATIVE_WORDS = 5;
    private static final double DAMPING = 0.85;
    private static final int ITERATIONS = 30;
    private static final double MAX_REDUNDANCY = 0.6;

    private final int maxChars;

    public Summarizer(int maxChars) {
        if (maxChars < 20) {
            throw new IllegalArgumentException("summarizer: maxChars must be at least 20, not " + maxChars);
        }
        this.maxChars = maxChars;
    }

    /** {@code body} normalised, paragraphs on separate lines; {@code lang} as {@link LanguageDetector} says. */
    public String summarize(String title, String body, String lang) {
        List<String> sentences = storySentences(body == null ? "" : body, lang);
        if (sentences.isEmpty()) {
            return "";
        }
        List<Set<String>> words = new ArrayList<>();
        for (String s : sentences) {
            words.add(contentWords(s, lang));
        }
        Set<String> titleWords = contentWords(title == null ? "" : title, lang);
        double[] score = score(words, titleWords);

        boolean leadInformative = words.get(0).size() >= MIN_INFORMATIVE_WORDS;
        if (leadInformative && sentences.get(0).length() > maxChars) {
            return shorten(sentences.get(0));
        }
        List<Integer> chosen = new ArrayList<>();
        int length = 0;
        if (leadInformative) {
            chosen.add(0);
            length = sentences.get(0).length();
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> i));
        for (int i : order) {
            if (chosen.contains(i) || words.get(i).isEmpty()) {
                continue;
            }
            int added = sentences.get(i).length() + (chosen.isEmpty() ? 0 : 1);
            if (length + added > maxChars) {
                continue;
            }
            if (redundancy(words.get(i), chosen, words) > MAX_REDUNDANCY) {
                continue;
            }
            if (i > 0 && !chosen.contains(i - 1) && leansOnThePrevious(sentences.get(i))) {
                continue; // "Бұл байланыстар..." without the sentence it points back to reads as nonsense
            }
            chosen.add(i);
            length += added;
        }
        if (chosen.isEmpty()) {
            return shorten(sentences.get(order.get(0)));
        }
        chosen.sort(Integer::compareTo);
        StringBuilder out = new StringBuilder();
        for (int i : chosen) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(sentences.get(i));
        }
        return out.toString();
    }

    /**
     * Words that open a sentence pointing back at the one before (pronouns, demonstratives, "in addition"):
     * such a sentence is only chosen together with its predecessor.
     */
    private static final Set<String> BACK_POINTERS = Set.of(
            // kk
            "ол", "оның", "оған", "оны", "онда", "одан", "олар", "олардың", "оларға", "бұл", "бұның", "бұған", "мұнда",
            "осы", "сол", "сондай-ақ", "сонымен",
            // ru
            "он", "она", "оно", "они", "его", "её", "ее", "их", "ему", "ей", "им", "это", "этот", "эта", "эти", "этого",
            "этой", "этим", "этих", "там", "тогда", "также", "кроме", "при",
            // en
            "he", "she", "it", "they", "his", "her", "its", "their", "this", "these", "those", "that", "also",
            "however", "meanwhile", "moreover", "additionally");

    static boolean leansOnThePrevious(String sentence) {
        String first = sentence.strip().split("[\\s,:;«»\"“”()]+", 2)[0];
        String word = first.toLowerCase(java.util.Locale.ROOT);
        if (word.equals("при") || word.equals("кроме")) { // "При этом", "Кроме того", not "При поддержке ..."
            String lower = sentence.strip().toLowerCase(java.util.Locale.ROOT);
            return lower.startsWith("при этом") || lower.startsWith("кроме того");
        }
        return BACK_POINTERS.contains(word);
    }

    /** Sentences of the story proper: credits, links and datelines removed. */
    List<String> storySentences(String body, String lang) {
        List<String> out = new ArrayList<>();
        boolean first = true;
        for (String paragraph : body.split("\n")) {
            if (Boilerplate.isBoilerplate(paragraph)) {
                continue;
            }
            String text = first ? Boilerplate.stripDateline(paragraph.strip()) : paragraph.strip();
            first = false;
            for (String sentence : SentenceSplitter.split(text, lang)) {
                if (!Boilerplate.isBoilerplate(sentence) && !(out.isEmpty() && Boilerplate.isDateline(sentence))) {
                    out.add(sentence);
                }
            }
        }
        return out;
    }

    private double[] score(List<Set<String>> words, Set<String> titleWords) {
        int n = words.size();
        double[][] sim = new double[n][n];
        double[] outWeight = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = similarity(words.get(i), words.get(j));
                sim[i][j] = s;
                sim[j][i] = s;
                outWeight[i] += s;
                outWeight[j] += s;
            }
        }
        double[] rank = new double[n];
        java.util.Arrays.fill(rank, 1.0);
        for (int it = 0; it < ITERATIONS; it++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    if (sim[j][i] > 0 && outWeight[j] > 0) {
                        sum += sim[j][i] / outWeight[j] * rank[j];
                    }
                }
                next[i] = 1 - DAMPING + DAMPING * sum;
            }
            rank = next;
        }
        double maxRank = 0;
        for (double r : rank) {
            maxRank = Math.max(maxRank, r);
        }
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            double centrality = maxRank > 0 ? rank[i] / maxRank : 0;
            double lead = 1.0 / (1 + i);
            double title = titleWords.isEmpty() || words.get(i).isEmpty() ? 0
                    : (double) overlap(words.get(i), titleWords) / titleWords.size();
            score[i] = 0.5 * centrality + 0.35 * lead + 0.15 * title;
        }
        return score;
    }

    private static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = overlap(a, b);
        return common == 0 ? 0 : common / (Math.log(a.size() + 1.0) + Math.log(b.size() + 1.0));
    }

    /** Share of a candidate's words already said by a chosen sentence (the worst case). */
    private static double redundancy(Set<String> candidate, List<Integer> chosen, List<Set<String>> words) {
        double worst = 0;
        for (int c : chosen) {
            Set<String> other = words.get(c);
            int smaller = Math.min(candidate.size(), other.size());
            if (smaller > 0) {
                worst = Math.max(worst, (double) overlap(candidate, other) / smaller);
            }
        }
        return worst;
    }

    private static int overlap(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int n = 0;
        for (String w : small) {
            if (large.contains(w)) {
                n++;
            }
        }
        return n;
    }

    static Set<String> contentWords(String sentence, String lang) {
        Set<String> out = new HashSet<>();
        for (Tokenizer.Token token : Tokenizer.tokenize(sentence)) {
            String lower = token.text().toLowerCase(Locale.ROOT);
            if (lower.length() < 2 || !Character.isLetter(lower.charAt(0)) || StopWords.isStopWord(lower, lang)) {
                continue;
            }
            out.add(Morphology.trim(lower, lang));
        }
        return out;
    }

    /** At most maxChars: cut at the last space that leaves room for "…", never inside a word. */
    private String shorten(String sentence) {
        if (sentence.length() <= maxChars) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', maxChars - 1);
        if (cut <= 0) {
            cut = maxChars - 1; // one giant "word" (a URL): nothing better to do
        }
        String head = sentence.substring(0, cut).stripTrailing();
        while (!head.isEmpty() && ",;:–—-(«\"".indexOf(head.charAt(head.length() - 1)) >= 0) {
            head = head.substring(0, head.length() - 1).stripTrailing();
        }
        return head + "…";
    }
}
