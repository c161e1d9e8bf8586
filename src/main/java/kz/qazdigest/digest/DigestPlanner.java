package kz.qazdigest.digest;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.qazdigest.topic.TopicCatalog;
import kz.qazdigest.topic.TopicInfo;

/**
 * Plans one chat's digest from a {@link StoryIndex}: the chat's topics in catalog order, each story under the
 * first of them it matches only, newest first, in the chat's language edition (else English, else any).
 */
public final class DigestPlanner {
    private final Map<String, Integer> order = new HashMap<>();

    public DigestPlanner(TopicCatalog catalog) {
        List<TopicInfo> topics = catalog.topics();
        for (int i = 0; i < topics.size(); i++) {
            order.put(topics.get(i).id(), i);
        }
    }

    /** The chat's topics sorted as the catalog lists them (unknown ids last, by id). */
    public List<String> ordered(Collection<String> chatTopics) {
        List<String> sorted = new ArrayList<>(chatTopics);
        sorted.sort(Comparator.comparingInt((String t) -> order.getOrDefault(t, Integer.MAX_VALUE)).thenComparing(t -> t));
        return sorted;
    }

    /** @param orderedTopics the chat's topics, already in catalog order ({@link #ordered}) */
    public DigestPlan plan(StoryIndex index, String lang, List<String> orderedTopics) {
        BitSet taken = new BitSet(index.size());
        List<DigestPlan.Section> sections = new ArrayList<>();
        for (String topic : orderedTopics) {
            List<DigestPlan.Entry> entries = null;
            for (StoryIndex.Story story : index.topic(topic)) {
                if (taken.get(story.index)) {
                    continue;
                }
                taken.set(story.index);
                if (entries == null) {
                    entries = new ArrayList<>();
                }
                entries.add(new DigestPlan.Entry(story.pick(lang), story.ids));
            }
            if (entries != null) {
                sections.add(new DigestPlan.Section(topic, entries));
            }
        }
        return new DigestPlan(sections);
    }
}
