package kz.qazdigest.store;

import java.time.Instant;
import java.util.Objects;
import kz.qazdigest.text.Analysis;

/**
 * A feed entry ready to store: clean text, its canonical URL (null when the link is unusable), a publish
 * time (the fetch time when the feed gave none) and what the analyser found. storyKey (nullable) ties the
 * language editions of one story together (gov.kz); ready is false for a teaser waiting for its full
 * article: it is not offered to digests until the full-text job has finished with it.
 */
public record AnalyzedEntry(String guid, String link, String canonicalUrl, String title, String body,
                            Instant publishedAt, Analysis analysis, String storyKey, boolean ready) {
    public AnalyzedEntry {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(analysis, "analysis");
        body = body == null ? "" : body;
    }

    public AnalyzedEntry(String guid, String link, String canonicalUrl, String title, String body,
                         Instant publishedAt, Analysis analysis) {
        this(guid, link, canonicalUrl, title, body, publishedAt, analysis, null, true);
    }

    /** The same entry held back until its full text is in. */
    public AnalyzedEntry heldForFullText() {
        return new AnalyzedEntry(guid, link, canonicalUrl, title, body, publishedAt, analysis, storyKey, false);
    }
}
