package kz.qazdigest.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kz.qazdigest.text.Corpus;
import kz.qazdigest.text.Corpus.Article;
import kz.qazdigest.text.TextAnalyzer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tags every labelled article with the real taxonomy (config/topics.yml) and scores it (see {@link CorpusScore}).
 * This corpus was used to tune the rules; {@link HeldOutTopicsTest} is the honest measure. The table goes to
 * stdout and to target/corpus-report.txt.
 */
class CorpusTopicsTest {
    static List<Article> corpus;
    static TextAnalyzer analyzer;

    @BeforeAll
    static void load() {
        corpus = Corpus.load();
        analyzer = new TextAnalyzer(Taxonomy.load(Path.of("config/topics.yml")), 350);
    }

    @Test
    void corpusIsBigAndCoversAllThreeLanguages() {
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(40);
        Map<String, Long> perLang = corpus.stream().collect(Collectors.groupingBy(Article::lang, Collectors.counting()));
        assertThat(perLang.keySet()).containsExactlyInAnyOrder("kk", "ru", "en");
        assertThat(perLang.values()).allMatch(n -> n >= 12);
    }

    @Test
    void labelsOnlyNameTopicsThatExist() {
        assertThat(CorpusScore.unknownLabels(corpus, analyzer.taxonomy())).isEmpty();
    }

    @Test
    void precisionAndRecallAtLeast95PercentAndNoTrapFires() {
        CorpusScore score = CorpusScore.of(corpus, analyzer).print("corpus-report.txt");
        assertThat(score.forbiddenHits).as("traps that fired").isEmpty();
        assertThat(score.precision).as("overall precision\n" + score.report()).isGreaterThanOrEqualTo(0.95);
        assertThat(score.recall).as("overall recall\n" + score.report()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void languageOfFullTextsAndOfTitlesAlone() {
        CorpusScore score = CorpusScore.of(corpus, analyzer);
        assertThat(score.langFull).as(score.report()).isEqualTo(corpus.size());
        assertThat((double) score.langTitles / corpus.size()).as(score.report()).isGreaterThanOrEqualTo(0.95);
    }
}
