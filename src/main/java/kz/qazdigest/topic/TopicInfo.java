package kz.qazdigest.topic;

import java.util.Map;

/**
 * A topic as shown to people: its stable id, its category (country, organisation, region, theme) and its
 * display names by language (kk, ru, en).
 */
public record TopicInfo(String id, String category, Map<String, String> names) {
    public TopicInfo {
        names = Map.copyOf(names);
    }

    public String name(String lang) {
        return names.getOrDefault(lang, names.getOrDefault("en", id));
    }
}
