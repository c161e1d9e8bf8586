package kz.qazdigest.store;

/** One feed as the operator's OPML list declares it; optional fields are null when absent. */
public record FeedOutline(String url, String kind, String title, String lang, String fullText, String extraHosts) {}
