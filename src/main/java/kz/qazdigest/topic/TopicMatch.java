package kz.qazdigest.topic;

import java.util.List;

/** A topic found in a text, with the words of the text that triggered it ("why did I get this?"). */
public record TopicMatch(String topicId, List<String> matched) {
    public TopicMatch {
        matched = List.copyOf(matched);
    }
}
