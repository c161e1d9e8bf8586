package kz.qazdigest.text;

import kz.qazdigest.config.Settings;
import kz.qazdigest.topic.Taxonomy;
import kz.qazdigest.topic.TopicMatcher;

/**
 * The analyzer ingestion and {@code classify} use: normalise, detect the language (on title and body
 * together), tag topics, summarise. Immutable and thread-safe.
 */
public final class TextAnalyzer implements ArticleAnalyzer {
    private final TopicMatcher matcher;
    private final Summarizer summarizer;

    public TextAnalyzer(Taxonomy taxonomy, int summaryMaxChars) {
        this.matcher = new TopicMatcher(taxonomy);
        this.summarizer = new Summarizer(summaryMaxChars);
    }

    /** Taxonomy from {@code settings.topics()}, or the built-in config/topics.yml when that file does not exist. */
    public static TextAnalyzer load(Settings.Text settings) {
        return new TextAnalyzer(Taxonomy.load(settings.topics()), settings.summaryMaxChars());
    }

    @Override
    public Analysis analyze(String title, String body) {
        String cleanTitle = TextNormalizer.normalize(title);
        String cleanBody = TextNormalizer.normalize(body);
        String lang = LanguageDetector.detect(cleanTitle + "\n" + cleanBody);
        return new Analysis(lang, matcher.match(cleanTitle, cleanBody), summarizer.summarize(cleanTitle, cleanBody, lang));
    }

    public Taxonomy taxonomy() {
        return matcher.taxonomy();
    }
}
