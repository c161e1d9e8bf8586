package kz.qazdigest.store;

import java.time.Instant;
import java.util.Objects;
import kz.qazdigest.text.Analysis;

/**
 * A feed entry ready to store: clean text, its canonical URL (null when the link is unusable), a publish
 * time (the fetch time when the feed gave none) and what the analyser found.
 */
public record AnalyzedEntry(String guid, String link, String canonicalUrl, String title, String body,
                            Instant publishedAt, Analysis analysis) {
    public AnalyzedEntry {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(analysis, "analysis");
        body = body == null ? "" : body;
    }
}
