package kz.qazdigest.bot;

import java.util.Map;
import kz.qazdigest.delivery.OutboxStats;

/** The numbers behind {@code /stats}. */
public interface StatsSource {

    BotStats stats();

    /**
     * @param activeByLang active subscribers by interface language
     * @param topTopics    most followed topics (id -> active followers), most first
     * @param itemsToday   items fetched since midnight in the default time zone
     * @param outbox       messages by delivery state and the latest parked ones, so delivery trouble shows
     */
    record BotStats(int activeSubscribers, int totalSubscribers, Map<String, Integer> activeByLang,
                    Map<String, Integer> topTopics, int itemsToday, int feedsHealthy, int feedsFailing,
                    OutboxStats outbox) {}
}
