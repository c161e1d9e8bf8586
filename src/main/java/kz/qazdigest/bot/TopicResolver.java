package kz.qazdigest.bot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.qazdigest.topic.TopicCatalog;
import kz.qazdigest.topic.TopicInfo;

/**
 * Turns what a user typed after /subscribe into topics: ids or names in any language, separated by spaces
 * or commas. Names may have several words ("Central Asia", "Орталық Азия"), so the longest run of words
 * that names a topic wins.
 */
final class TopicResolver {
    static final int MAX_WORDS = 100;
    private static final int LONGEST_NAME_WORDS = 5;
    private static final int SHOWN_NAME_CHARS = 40;

    private final TopicCatalog catalog;

    TopicResolver(TopicCatalog catalog) {
        this.catalog = catalog;
    }

    record Unknown(String name, List<TopicInfo> suggestions) {}

    record Resolution(List<TopicInfo> found, List<Unknown> unknown) {}

    /** Number of words typed, to refuse a flood before looking anything up. */
    static int words(String args) {
        String trimmed = args.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("[\\s,;]+").length;
    }

    Resolution resolve(String args) {
        Map<String, TopicInfo> found = new LinkedHashMap<>();
        Map<String, Unknown> unknown = new LinkedHashMap<>();
        for (String piece : args.split("[,;]")) {
            String[] words = piece.strip().split("\\s+");
            int i = 0;
            while (i < words.length) {
                if (words[i].isEmpty()) {
                    i++;
                    continue;
                }
                int matchedEnd = -1;
                TopicInfo match = null;
                for (int end = Math.min(words.length, i + LONGEST_NAME_WORDS); end > i; end--) {
                    Optional<TopicInfo> topic = catalog.find(String.join(" ", List.of(words).subList(i, end)));
                    if (topic.isPresent()) {
                        match = topic.get();
                        matchedEnd = end;
                        break;
                    }
                }
                if (match != null) {
                    found.putIfAbsent(match.id(), match);
                    i = matchedEnd;
                } else {
                    String word = words[i];
                    String name = shown(word);
                    unknown.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new Unknown(name, catalog.suggest(word, 3)));
                    i++;
                }
            }
        }
        return new Resolution(new ArrayList<>(found.values()), new ArrayList<>(unknown.values()));
    }

    /** A typed name as we echo it back: at most 40 characters, never a broken surrogate pair. */
    static String shown(String name) {
        if (name.codePointCount(0, name.length()) <= SHOWN_NAME_CHARS) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, SHOWN_NAME_CHARS)) + "…";
    }
}
