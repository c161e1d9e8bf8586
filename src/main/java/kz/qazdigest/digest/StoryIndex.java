package kz.qazdigest.digest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.qazdigest.i18n.Messages;

/**
 * Items grouped into stories (editions of one story share a story_key or an {@link EditionKey}), and the
 * stories under each topic, newest first. Built once for a set of items; planning a digest for a chat then
 * only walks the lists of the chat's topics.
 */
public final class StoryIndex {

    /** One story: its editions in several languages, the union of their topics. */
    static final class Story {
        final int index;
        final List<DigestItem> editions;
        final long newest;
        final List<Long> ids;
        private final Map<String, DigestItem> pickByLang = new HashMap<>(4); // read-only after construction

        Story(int index, List<DigestItem> editions) {
            this.index = index;
            this.editions = List.copyOf(editions);
            this.newest = editions.stream().mapToLong(DigestItem::publishedAt).max().orElse(0);
            this.ids = editions.stream().map(DigestItem::id).toList();
            for (String lang : Messages.LANGUAGES) {
                pickByLang.put(lang, choose(lang));
            }
        }

        /** The edition in the chat's language, else English, else the newest. */
        DigestItem pick(String lang) {
            DigestItem known = pickByLang.get(lang);
            return known != null ? known : choose(lang);
        }

        private DigestItem choose(String lang) {
            DigestItem own = find(lang);
            if (own != null) {
                return own;
            }
            DigestItem english = find("en");
            return english != null ? english
                    : editions.stream().max(Comparator.comparingLong(DigestItem::publishedAt)).orElseThrow();
        }

        private DigestItem find(String lang) {
            DigestItem best = null;
            for (DigestItem item : editions) {
                if (lang.equals(item.lang()) && (best == null || item.publishedAt() > best.publishedAt())) {
                    best = item;
                }
            }
            return best;
        }

    }

    private final List<Story> stories;
    private final Map<String, List<Story>> byTopic;

    private StoryIndex(List<Story> stories, Map<String, List<Story>> byTopic) {
        this.stories = stories;
        this.byTopic = byTopic;
    }

    public static StoryIndex of(Collection<DigestItem> items) {
        List<DigestItem> list = List.copyOf(items);
        int[] parent = new int[list.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstWithKey = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            DigestItem item = list.get(i);
            for (String key : keys(item)) {
                Integer other = firstWithKey.putIfAbsent(key, i);
                if (other != null) {
                    union(parent, other, i);
                }
            }
        }
        Map<Integer, List<DigestItem>> groups = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(list.get(i));
        }
        List<Story> stories = new ArrayList<>(groups.size());
        Map<String, List<Story>> byTopic = new HashMap<>();
        for (List<DigestItem> editions : groups.values()) {
            Story story = new Story(stories.size(), editions);
            stories.add(story);
            Set<String> topics = new LinkedHashSet<>();
            editions.forEach(e -> topics.addAll(e.topics()));
            for (String topic : topics) {
                byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(story);
            }
        }
        Comparator<Story> newestFirst = Comparator.comparingLong((Story s) -> s.newest).reversed()
                .thenComparing(s -> -s.editions.get(0).id());
        byTopic.values().forEach(l -> l.sort(newestFirst));
        return new StoryIndex(List.copyOf(stories), byTopic);
    }

    private static List<String> keys(DigestItem item) {
        List<String> keys = new ArrayList<>(2);
        if (item.storyKey() != null && !item.storyKey().isBlank()) {
            keys.add("story:" + item.storyKey());
        }
        String edition = EditionKey.of(item.link());
        if (edition != null) {
            keys.add("url:" + edition);
        }
        return keys;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }

    int size() {
        return stories.size();
    }

    List<Story> topic(String topicId) {
        return byTopic.getOrDefault(topicId, List.of());
    }

    /** Every edition key of these items, to recognise a later edition of a story a chat already has. */
    static Set<String> editionKeys(Collection<DigestItem> items) {
        Set<String> keys = new java.util.HashSet<>();
        for (DigestItem item : items) {
            keys.addAll(keys(item));
        }
        return keys;
    }

    static List<String> keysOf(DigestItem item) {
        return keys(item);
    }
}
