package kz.qazdigest.topic;

import java.util.List;

/** A topic as the matcher needs it: display info plus the score it needs and the topics it gathers. */
record TopicRules(TopicInfo info, double need, List<String> members) {
    TopicRules {
        members = List.copyOf(members);
    }
}
