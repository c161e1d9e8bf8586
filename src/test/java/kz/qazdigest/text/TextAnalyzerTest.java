package kz.qazdigest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import kz.qazdigest.topic.Taxonomy;
import kz.qazdigest.topic.TopicMatch;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {
    static final TextAnalyzer ANALYZER = new TextAnalyzer(Taxonomy.load(java.nio.file.Path.of("config/topics.yml")), 350);

    @Test
    void binaryGarbageGetsNoTopicsAndNoSummary() {
        byte[] bytes = new byte[200_000];
        new Random(42).nextBytes(bytes);
        String garbage = new String(bytes, StandardCharsets.UTF_8);
        Analysis analysis = ANALYZER.analyze("\uFFFD\uFFFD", garbage);
        assertThat(analysis.lang()).isEqualTo("other");
        assertThat(analysis.topics()).isEmpty();
        assertThat(analysis.summary()).isEmpty();
    }

    @Test
    void aFewBrokenCharactersDoNotHideARealArticle() {
        Analysis analysis = ANALYZER.analyze("Kazakhstan, Qatar hold talks",
                "ASTANA \uFFFD Kazakhstan and Qatar held talks on trade and investment in Doha on Tuesday.");
        assertThat(analysis.lang()).isEqualTo("en");
        assertThat(analysis.topics()).extracting(TopicMatch::topicId).contains("qatar");
    }
}
