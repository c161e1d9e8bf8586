package kz.qazdigest.testing;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.qazdigest.topic.TopicCatalog;
import kz.qazdigest.topic.TopicInfo;

/** A small hand-written catalog, in display order: qatar, spain, china, un, trade. */
public final class TestTopics implements TopicCatalog {
    private final List<TopicInfo> topics = List.of(
            new TopicInfo("qatar", "country", Map.of("kk", "Қатар", "ru", "Катар", "en", "Qatar")),
            new TopicInfo("spain", "country", Map.of("kk", "Испания", "ru", "Испания", "en", "Spain")),
            new TopicInfo("china", "country", Map.of("kk", "Қытай", "ru", "Китай", "en", "China")),
            new TopicInfo("un", "organisation", Map.of("kk", "БҰҰ", "ru", "ООН", "en", "UN")),
            new TopicInfo("trade", "theme", Map.of("kk", "Сауда", "ru", "Торговля", "en", "Trade & <Economy>")));

    @Override
    public List<TopicInfo> topics() {
        return topics;
    }

    @Override
    public Optional<TopicInfo> find(String idOrName) {
        String key = idOrName.toLowerCase(Locale.ROOT);
        return topics.stream().filter(t -> t.id().equals(key)
                || t.names().values().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(key))).findFirst();
    }

    @Override
    public List<TopicInfo> suggest(String name, int max) {
        return topics.stream().sorted(Comparator.comparing(t -> t.id().startsWith(name) ? 0 : 1)).limit(max).toList();
    }
}
