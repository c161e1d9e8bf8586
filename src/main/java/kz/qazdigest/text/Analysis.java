package kz.qazdigest.text;

import java.util.List;
import kz.qazdigest.topic.TopicMatch;

/** What qazdigest knows about one article: its language (kk, ru, en or other), topics and summary. */
public record Analysis(String lang, List<TopicMatch> topics, String summary) {
    public Analysis {
        topics = List.copyOf(topics);
    }
}
