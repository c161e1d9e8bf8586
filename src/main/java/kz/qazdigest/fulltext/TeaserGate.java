package kz.qazdigest.fulltext;

import java.util.Locale;
import kz.qazdigest.feed.EntryGate;
import kz.qazdigest.feed.ParsedEntry;
import kz.qazdigest.store.Feed;

/**
 * Holds back entries that need their full article: per feed (OPML {@code fullText}) "never", "always", or
 * "auto" (the default): when the feed's text is shorter than {@code fullText.teaserChars}.
 */
public final class TeaserGate implements EntryGate {
    private final int teaserChars;

    public TeaserGate(int teaserChars) {
        this.teaserChars = teaserChars;
    }

    @Override
    public boolean holdsBack(Feed feed, ParsedEntry entry) {
        if (entry.link() == null || entry.link().isBlank()) {
            return false; // nothing to fetch
        }
        String mode = feed.fullText() == null ? "auto" : feed.fullText().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "never" -> false;
            case "always" -> true;
            default -> isTeaser(entry.bodyText());
        };
    }

    boolean isTeaser(String body) {
        return body == null || body.strip().length() < teaserChars;
    }
}
