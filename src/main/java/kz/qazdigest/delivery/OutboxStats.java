package kz.qazdigest.delivery;

import java.util.List;
import java.util.Map;

/**
 * What an admin sees of the outbox in /stats: rows by state (pending, in_flight, sent, parked, dropped) and the
 * latest parked rows with their error.
 */
public record OutboxStats(Map<String, Long> countsByState, List<Parked> recentParked) {
    public OutboxStats {
        countsByState = Map.copyOf(countsByState);
        recentParked = List.copyOf(recentParked);
    }

    public long count(String state) {
        return countsByState.getOrDefault(state, 0L);
    }

    public record Parked(long outboxId, long chatId, String kind, int attempts, String lastError, long createdAt) {}
}
