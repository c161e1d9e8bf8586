package kz.qazdigest.text;

import java.util.List;
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
        if (looksBinary(cleanTitle + cleanBody)) {
            return new Analysis("other", List.of(), ""); // garbage bytes would "match" UN, EU, US by chance
        }
        String lang = LanguageDetector.detect(cleanTitle + "\n" + cleanBody);
        return new Analysis(lang, matcher.match(cleanTitle, cleanBody), summarizer.summarize(cleanTitle, cleanBody, lang));
    }

    /** Mostly undecodable or control characters: not text anyone wrote (a binary file, a broken charset). */
    static boolean looksBinary(String text) {
        if (text.isEmpty()) {
            return false;
        }
        long bad = text.codePoints().filter(c -> c == 0xFFFD || (Character.isISOControl(c) && c != '\n' && c != '\t')).count();
        return bad * 10 > text.codePointCount(0, text.length()); // over 10 %
    }

    public Taxonomy taxonomy() {
        return matcher.taxonomy();
    }
}
