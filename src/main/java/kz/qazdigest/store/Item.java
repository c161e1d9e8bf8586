package kz.qazdigest.store;

import java.time.Instant;
import java.util.List;
import kz.qazdigest.topic.TopicMatch;

/** A stored article as readers (digest, bot, console) see it; topics carry the words that matched. */
public record Item(long id, long feedId, String guid, String lang, String title, String link, String summary,
                   String body, Instant publishedAt, Instant fetchedAt, List<TopicMatch> topics) {
    public Item {
        topics = List.copyOf(topics);
    }

    public boolean hasTopic(String topicId) {
        return topics.stream().anyMatch(t -> t.topicId().equals(topicId));
    }
}
