package kz.qazdigest.bot;

import java.util.Map;
import java.util.stream.Collectors;
import kz.qazdigest.topic.TopicCatalog;

/** /stats (admins): subscribers, languages, top topics, items today, feed health. */
final class StatsHandler implements CommandHandler {
    private final StatsSource stats;
    private final TopicCatalog catalog;

    StatsHandler(StatsSource stats, TopicCatalog catalog) {
        this.stats = stats;
        this.catalog = catalog;
    }

    @Override
    public void handle(Request request) {
        StatsSource.BotStats s = stats.stats();
        String byLang = s.activeByLang().isEmpty() ? "—" : join(s.activeByLang());
        String top = s.topTopics().isEmpty() ? "—" : s.topTopics().entrySet().stream()
                .map(e -> TopicNames.ofIds(catalog, java.util.List.of(e.getKey()), request.lang()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
        request.reply("stats", s.activeSubscribers(), s.totalSubscribers(), byLang, top, s.itemsToday(), s.feedsHealthy(),
                s.feedsFailing());
    }

    private static String join(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
