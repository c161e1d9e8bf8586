package kz.qazdigest.feed;

import java.time.Duration;
import java.util.List;

/** A parsed feed: its title, its RSS {@code <ttl>} (null when absent) and its entries in feed order. */
public record ParsedFeed(String title, Duration ttl, List<ParsedEntry> entries) {
    public ParsedFeed {
        entries = List.copyOf(entries);
    }
}
