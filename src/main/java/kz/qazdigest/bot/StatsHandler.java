package kz.qazdigest.bot;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kz.qazdigest.delivery.OutboxStats;
import kz.qazdigest.delivery.OutgoingMessage;
import kz.qazdigest.topic.TopicCatalog;

/** /stats (admins): subscribers, languages, top topics, items today, feed health, the outbox and its parked rows. */
final class StatsHandler implements CommandHandler {
    /** Each parked row's error is cut to this, so a few of them never push the reply past 4096 characters. */
    static final int ERROR_CHARS = 300;

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
                .map(e -> TopicNames.ofIds(catalog, List.of(e.getKey()), request.lang()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder(request.text("stats", s.activeSubscribers(), s.totalSubscribers(), byLang,
                top, s.itemsToday(), s.feedsHealthy(), s.feedsFailing()));
        OutboxStats outbox = s.outbox();
        long parked = outbox.count("parked");
        text.append('\n').append(request.text("stats.outbox", outbox.count("pending"), outbox.count("in_flight"), parked,
                outbox.count("dropped")));
        if (!outbox.recentParked().isEmpty()) {
            text.append("\n\n").append(request.text("stats.parked_header"));
            for (OutboxStats.Parked row : outbox.recentParked()) {
                String error = row.lastError() == null || row.lastError().isBlank() ? "—"
                        : OneLine.of(row.lastError(), ERROR_CHARS);
                text.append('\n').append(request.text("stats.parked_row", Long.toString(row.chatId()), row.kind(), error));
            }
            long more = parked - outbox.recentParked().size();
            if (more > 0) {
                text.append('\n').append(request.text("list.more", more));
            }
        }
        request.send(OutgoingMessage.plain(text.toString()));
    }

    private static String join(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
