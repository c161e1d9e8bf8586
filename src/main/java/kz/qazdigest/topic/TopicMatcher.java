package kz.qazdigest.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.qazdigest.text.Tokenizer;
import kz.qazdigest.text.Tokenizer.Token;

/**
 * Finds a taxonomy's topics in a title and body. One pass over the tokens; each token walks a character trie
 * of term stems, so the cost is linear in the text (times the longest stem), with no regular expressions
 * from the config. A hit counts its term's weight (names 1, signals 0.5 but 1 inside a hyphenated compound, strong terms 2), doubled in the title; a hit inside
 * one of the topic's exclusion phrases, or within {@value #NEAR_WINDOW} words of an exclude_near word, does
 * not count, nor does a title hit when all the body's hits for that topic were excluded. A topic matches when its score reaches its {@code need}; a topic with members also matches when
 * a member does. Input should be normalised ({@link kz.qazdigest.text.TextNormalizer}). Thread-safe.
 */
public final class TopicMatcher {
    static final int NEAR_WINDOW = 12;

    private final Taxonomy taxonomy;
    private final Node root = new Node();

    public TopicMatcher(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        for (Term term : taxonomy.terms()) {
            Node node = root;
            for (char c : term.tokens.get(0).stem.toCharArray()) {
                node = node.children.computeIfAbsent(c, k -> new Node());
            }
            node.terms.add(term);
        }
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** Topics found, in taxonomy order, each with the words (as written in the text) that triggered it. */
    public List<TopicMatch> match(String title, String body) {
        int topicCount = taxonomy.rules().size();
        Evidence[] evidence = new Evidence[topicCount];
        Evidence[] inBody = new Evidence[topicCount];
        for (int t = 0; t < topicCount; t++) {
            evidence[t] = new Evidence();
            inBody[t] = new Evidence();
        }
        collect(title == null ? "" : title, true, evidence);
        collect(body == null ? "" : body, false, inBody);
        for (int t = 0; t < topicCount; t++) {
            // the title is a headline of the body: if the body names the topic's words only in senses excluded
            // for it (Georgia the U.S. state, Turkish gambit), the title's bare "Georgia" means the same thing
            if (inBody[t].excludedHits > 0 && inBody[t].score == 0) {
                evidence[t] = new Evidence();
            }
            evidence[t].score += inBody[t].score;
            evidence[t].words.addAll(inBody[t].words);
        }

        boolean[] matched = new boolean[topicCount];
        for (int t = 0; t < topicCount; t++) {
            matched[t] = evidence[t].score >= taxonomy.rules().get(t).need();
        }
        List<TopicMatch> out = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int t = 0; t < topicCount; t++) {
            index.put(taxonomy.rules().get(t).info().id(), t);
        }
        for (int t = 0; t < topicCount; t++) {
            TopicRules rules = taxonomy.rules().get(t);
            Set<String> words = new LinkedHashSet<>(matched[t] ? evidence[t].words : Set.of());
            boolean viaMember = false;
            for (String member : rules.members()) {
                int m = index.get(member);
                if (matched[m]) {
                    viaMember = true;
                    words.addAll(evidence[m].words);
                }
            }
            if (matched[t] || viaMember) {
                out.add(new TopicMatch(rules.info().id(), List.copyOf(words)));
            }
        }
        return out;
    }

    /** Scores one section (title or body) into {@code evidence}. */
    private void collect(String text, boolean title, Evidence[] evidence) {
        List<Token> tokens = Tokenizer.tokenize(text);
        List<Hit> hits = new ArrayList<>();
        Map<Integer, List<int[]>> excluded = new HashMap<>(); // topic -> token spans
        Map<Integer, List<Integer>> near = new HashMap<>(); // topic -> token positions
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i).text();
            lookup(token, tokens, i, true, false, hits, excluded, near);
            if (token.indexOf('-') > 0) {
                // compounds: "Қазақстан-Қатар", "Kazakhstan-EU", "казахстанско-катарский"
                String[] parts = token.split("-");
                for (int p = 0; p < parts.length; p++) {
                    if (!parts[p].isEmpty()) {
                        lookup(parts[p], tokens, i, p == parts.length - 1, true, hits, excluded, near);
                    }
                }
            }
        }
        // one word counts once per topic: strongest and longest terms first
        hits.sort(java.util.Comparator.comparingDouble((Hit h) -> -h.weight)
                .thenComparingInt(h -> -(h.end - h.start)).thenComparingInt(h -> h.start));
        Map<Integer, java.util.BitSet> counted = new HashMap<>();
        for (Hit hit : hits) {
            int topic = hit.term.topic;
            if (inside(hit, excluded.get(topic)) || close(hit, near.get(topic))) {
                evidence[topic].excludedHits++;
                continue;
            }
            java.util.BitSet used = counted.computeIfAbsent(topic, k -> new java.util.BitSet());
            Evidence e = evidence[topic];
            if (used.get(hit.start, hit.end).isEmpty()) {
                e.score += hit.weight * (title ? 2 : 1);
                used.set(hit.start, hit.end);
            }
            e.words.add(text.substring(tokens.get(hit.start).start(), tokens.get(hit.end - 1).end()));
        }
    }

    /** Walks the trie with {@code word} (the token at {@code i} or a part of it) and records what it starts. */
    private void lookup(String word, List<Token> tokens, int i, boolean mayContinue, boolean inCompound, List<Hit> hits,
                        Map<Integer, List<int[]>> excluded, Map<Integer, List<Integer>> near) {
        String folded = TermToken.fold(word);
        Node node = root;
        for (int depth = 0; depth <= folded.length() && node != null; depth++) {
            if (!node.terms.isEmpty()) {
                String rest = folded.substring(depth);
                for (Term term : node.terms) {
                    if ((mayContinue || term.tokens.size() == 1)
                            && term.tokens.get(0).restMatches(word, rest) && followersMatch(term, tokens, i)) {
                        int end = i + term.tokens.size();
                        switch (term.kind) {
                            case NAME, SIGNAL, STRONG -> hits.add(new Hit(term, i, end, weight(term, inCompound)));
                            case EXCLUDE -> excluded.computeIfAbsent(term.topic, k -> new ArrayList<>()).add(new int[] {i, end});
                            case NEAR -> near.computeIfAbsent(term.topic, k -> new ArrayList<>()).add(i);
                        }
                    }
                }
            }
            node = depth < folded.length() ? node.children.get(folded.charAt(depth)) : null;
        }
    }

    private static boolean followersMatch(Term term, List<Token> tokens, int first) {
        if (first + term.tokens.size() > tokens.size()) {
            return false;
        }
        for (int k = 1; k < term.tokens.size(); k++) {
            if (!term.tokens.get(k).matches(tokens.get(first + k).text())) {
                return false;
            }
        }
        return true;
    }

    private static boolean inside(Hit hit, List<int[]> spans) {
        if (spans != null) {
            for (int[] span : spans) {
                if (hit.start < span[1] && span[0] < hit.end) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean close(Hit hit, List<Integer> positions) {
        if (positions != null) {
            for (int p : positions) {
                if (p >= hit.start - NEAR_WINDOW && p < hit.end + NEAR_WINDOW) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A signal inside a hyphenated compound names a relation ("казахстанско-катарские", "қазақ-түрік",
     * "Astana-Tashkent"), which is as good as the country's name; alone, an adjective or a capital is weak.
     */
    private static double weight(Term term, boolean inCompound) {
        return inCompound && term.kind == Term.Kind.SIGNAL ? 1.0 : term.weight();
    }

    private record Hit(Term term, int start, int end, double weight) {}

    private static final class Evidence {
        double score;
        int excludedHits;
        final Set<String> words = new LinkedHashSet<>();
    }

    private static final class Node {
        final Map<Character, Node> children = new HashMap<>(4);
        final List<Term> terms = new ArrayList<>(1);
    }
}
