package kz.qazdigest.fulltext;

import java.util.List;

/**
 * What {@link ArticleExtractor} found on a page: the article's paragraphs as clean text, the share of the
 * content area's text that sat inside links, and whether the page looks like a login or paywall.
 */
public record Extraction(List<String> paragraphs, double linkDensity, boolean loginWall) {
    public Extraction {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The paragraphs joined with line breaks, the body format the feed parser produces. */
    public String text() {
        return String.join("\n", paragraphs);
    }

    public int length() {
        return paragraphs.stream().mapToInt(String::length).sum();
    }
}
