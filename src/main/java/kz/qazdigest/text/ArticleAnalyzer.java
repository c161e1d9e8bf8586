package kz.qazdigest.text;

/** Turns an article's clean title and body text into an {@link Analysis}. Thread-safe. */
public interface ArticleAnalyzer {
    Analysis analyze(String title, String body);
}
