package kz.qazdigest.testing;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.qazdigest.topic.TopicCatalog;
import kz.qazdigest.topic.TopicInfo;

/**
 * A small hand-written catalog, in display order: four categories, two pages of the topic keyboard. "Trade"
 * carries HTML-special characters in English so renderers show they escape names.
 */
public final class TestTopics implements TopicCatalog {
    public static final List<TopicInfo> TOPICS = List.of(
            topic("qatar", "country", "Қатар", "Катар", "Qatar"),
            topic("spain", "country", "Испания", "Испания", "Spain"),
            topic("china", "country", "Қытай", "Китай", "China"),
            topic("eu", "organisation", "Еуропалық Одақ", "Евросоюз", "European Union"),
            topic("un", "organisation", "БҰҰ", "ООН", "United Nations"),
            topic("central-asia", "region", "Орталық Азия", "Центральная Азия", "Central Asia"),
            topic("energy", "theme", "Энергетика", "Энергетика", "Energy"),
            topic("trade", "theme", "Сауда", "Торговля", "Trade & <Economy>"),
            topic("security", "theme", "Қауіпсіздік", "Безопасность", "Security"));

    private static TopicInfo topic(String id, String category, String kk, String ru, String en) {
        return new TopicInfo(id, category, Map.of("kk", kk, "ru", ru, "en", en));
    }

    @Override
    public List<TopicInfo> topics() {
        return TOPICS;
    }

    @Override
    public Optional<TopicInfo> find(String idOrName) {
        String wanted = idOrName.strip().toLowerCase(Locale.ROOT);
        return TOPICS.stream()
                .filter(t -> t.id().equals(wanted) || t.names().values().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(wanted)))
                .findFirst();
    }

    /** Names within two edits, closest first. */
    @Override
    public List<TopicInfo> suggest(String name, int max) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return TOPICS.stream()
                .filter(t -> distance(t, wanted) <= 2)
                .sorted(Comparator.comparingInt(t -> distance(t, wanted)))
                .limit(max)
                .toList();
    }

    private static int distance(TopicInfo t, String wanted) {
        int best = levenshtein(t.id(), wanted);
        for (String n : t.names().values()) {
            best = Math.min(best, levenshtein(n.toLowerCase(Locale.ROOT), wanted));
        }
        return best;
    }

    private static int levenshtein(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3) {
            return 99;
        }
        return kz.qazdigest.topic.EditDistance.between(a, b);
    }
}
