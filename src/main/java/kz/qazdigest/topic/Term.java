package kz.qazdigest.topic;

import java.util.ArrayList;
import java.util.List;
import kz.qazdigest.text.Tokenizer;

/** A word or phrase from topics.yml that says something about one topic. */
final class Term {
    enum Kind { NAME, SIGNAL, STRONG, EXCLUDE, NEAR }

    final int topic; // index into the taxonomy's topics
    final Kind kind;
    final List<TermToken> tokens;
    final String source; // as written in topics.yml, for messages

    private Term(int topic, Kind kind, List<TermToken> tokens, String source) {
        this.topic = topic;
        this.kind = kind;
        this.tokens = List.copyOf(tokens);
        this.source = source;
    }

    /** Compiles a term; the words are split like text, so "U.S." and "ЕАЭО" tokenize the same way in both. */
    static Term compile(int topic, Kind kind, String written, String lang) {
        List<TermToken> tokens = new ArrayList<>();
        for (String part : written.trim().split("\\s+")) {
            String marker = part.endsWith("+") || part.endsWith("*") ? part.substring(part.length() - 1) : "";
            String bare = marker.isEmpty() ? part : part.substring(0, part.length() - 1);
            List<Tokenizer.Token> words = Tokenizer.tokenize(bare);
            if (words.size() != 1 || words.get(0).text().length() != bare.replaceAll("\\.$", "").length()) {
                throw new IllegalArgumentException("'" + part + "' in '" + written + "' is not one word");
            }
            tokens.add(TermToken.compile(words.get(0).text() + marker, lang));
        }
        return new Term(topic, kind, tokens, written);
    }

    double weight() {
        return switch (kind) {
            case SIGNAL -> 0.5;
            case STRONG -> 2.0; // enough alone for a theme: "телефонный разговор", "trade turnover"
            default -> 1.0;
        };
    }
}
