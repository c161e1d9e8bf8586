package kz.qazdigest.digest;

import java.util.List;

/**
 * An item as a digest needs it: what to show (title, link, source feed title, time, summary), which language
 * edition it is, and the topics it was tagged with.
 */
public record DigestItem(long id, String source, String lang, String title, String link, String summary,
                         long publishedAt, String storyKey, List<String> topics) {
    public DigestItem {
        topics = List.copyOf(topics);
    }
}
