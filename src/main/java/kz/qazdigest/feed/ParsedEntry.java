package kz.qazdigest.feed;

import java.time.Instant;

/**
 * One feed entry as clean text. guid is the feed's id for it (the link when the feed gives none; may be
 * null); link is absolute; publishedAt is the entry's published date, else its updated date, else null
 * (the poller then uses the fetch time).
 */
public record ParsedEntry(String guid, String link, String title, String bodyText, Instant publishedAt) {}
