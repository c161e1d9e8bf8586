package kz.qazdigest.store;

import java.time.Instant;

/**
 * A row of {@code feeds}. kind is "rss" or another fetcher's name (e.g. "govkz"); fullText is auto, always
 * or never; extraHosts lists the hosts besides the feed's own whose article pages may be fetched. Times
 * are null when the event has not happened yet.
 */
public record Feed(long id, String url, String kind, String title, String lang, String fullText, String extraHosts,
                   String etag, String lastModified, Integer lastStatus, String lastError, int failures,
                   Instant lastPolledAt, Instant lastSuccessAt, Instant nextPollAt, Instant addedAt, Instant removedAt) {

    public boolean active() {
        return removedAt == null;
    }

    /** What poll-once and /feeds print: the title, else the URL. */
    public String label() {
        return title != null && !title.isBlank() ? title : url;
    }
}
