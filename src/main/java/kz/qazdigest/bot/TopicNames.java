package kz.qazdigest.bot;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import kz.qazdigest.topic.TopicCatalog;
import kz.qazdigest.topic.TopicInfo;

/** Topic ids as people read them: the display name in the chat's language, a long list cut short. */
final class TopicNames {
    static final int MAX_LISTED = 30;

    private TopicNames() {
    }

    static String ofIds(TopicCatalog catalog, Collection<String> ids, String lang) {
        return list(ids.stream().map(id -> catalog.find(id).filter(t -> t.id().equals(id)).map(t -> t.name(lang)).orElse(id))
                .toList());
    }

    static String of(Collection<TopicInfo> topics, String lang) {
        return list(topics.stream().map(t -> t.name(lang)).toList());
    }

    private static String list(List<String> names) {
        String shown = names.stream().limit(MAX_LISTED).collect(Collectors.joining(", "));
        return names.size() > MAX_LISTED ? shown + ", … (+" + (names.size() - MAX_LISTED) + ")" : shown;
    }
}
