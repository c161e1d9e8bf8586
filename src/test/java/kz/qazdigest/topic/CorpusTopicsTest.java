package kz.qazdigest.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import kz.qazdigest.text.Analysis;
import kz.qazdigest.text.Corpus;
import kz.qazdigest.text.Corpus.Article;
import kz.qazdigest.text.LanguageDetector;
import kz.qazdigest.text.TextAnalyzer;
import kz.qazdigest.text.TextNormalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tags every labelled article with the real taxonomy (config/topics.yml) and scores it: per topic and
 * overall precision and recall (a predicted topic that is neither expected nor optional is a false
 * positive), forbidden topics (the traps), and language accuracy on full texts and on titles alone. The
 * table goes to stdout and to target/corpus-report.txt.
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
        Taxonomy taxonomy = analyzer.taxonomy();
        for (Article a : corpus) {
            for (Set<String> ids : List.of(a.expect(), a.forbid(), a.optional())) {
                for (String id : ids) {
                    assertThat(taxonomy.find(id)).as(a.name() + " names " + id).isPresent();
                }
            }
        }
    }

    @Test
    void precisionAndRecallAtLeast95PercentAndNoTrapFires() throws IOException {
        Map<String, int[]> perTopic = new TreeMap<>(); // tp, fp, fn
        List<String> forbiddenHits = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        for (Article a : corpus) {
            Analysis analysis = analyzer.analyze(a.title(), a.body());
            Set<String> predicted = analysis.topics().stream().map(TopicMatch::topicId).collect(Collectors.toSet());
            for (String id : predicted) {
                if (a.expect().contains(id)) {
                    perTopic.computeIfAbsent(id, k -> new int[3])[0]++;
                } else if (!a.optional().contains(id)) {
                    perTopic.computeIfAbsent(id, k -> new int[3])[1]++;
                    misses.add(a.name() + ": unexpected " + id + " " + words(analysis, id));
                }
                if (a.forbid().contains(id)) {
                    forbiddenHits.add(a.name() + ": " + id + " " + words(analysis, id));
                }
            }
            for (String id : a.expect()) {
                if (!predicted.contains(id)) {
                    perTopic.computeIfAbsent(id, k -> new int[3])[2]++;
                    misses.add(a.name() + ": missed " + id);
                }
            }
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        StringBuilder table = new StringBuilder(String.format("%-15s %4s %4s %4s %9s %7s%n", "topic", "tp", "fp", "fn", "precision", "recall"));
        for (Map.Entry<String, int[]> e : perTopic.entrySet()) {
            int[] c = e.getValue();
            tp += c[0];
            fp += c[1];
            fn += c[2];
            table.append(String.format("%-15s %4d %4d %4d %9.3f %7.3f%n", e.getKey(), c[0], c[1], c[2],
                    ratio(c[0], c[0] + c[1]), ratio(c[0], c[0] + c[2])));
        }
        double precision = ratio(tp, tp + fp);
        double recall = ratio(tp, tp + fn);
        table.append(String.format("%-15s %4d %4d %4d %9.3f %7.3f%n", "OVERALL", tp, fp, fn, precision, recall));
        table.append(languageTable());
        misses.forEach(m -> table.append("  ").append(m).append('\n'));
        System.out.print(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/corpus-report.txt"), table);

        assertThat(forbiddenHits).as("traps that fired").isEmpty();
        assertThat(precision).as("overall precision\n" + table).isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as("overall recall\n" + table).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void languageOfFullTextsAndOfTitlesAlone() {
        long full = corpus.stream().filter(a -> analyzer.analyze(a.title(), a.body()).lang().equals(a.lang())).count();
        long titles = corpus.stream().filter(a -> LanguageDetector.detect(TextNormalizer.normalize(a.title())).equals(a.lang())).count();
        assertThat(full).as(languageTable()).isEqualTo(corpus.size());
        assertThat((double) titles / corpus.size()).as(languageTable()).isGreaterThanOrEqualTo(0.95);
    }

    private static String languageTable() {
        StringBuilder sb = new StringBuilder();
        long full = 0;
        long titles = 0;
        for (Article a : corpus) {
            String f = analyzer.analyze(a.title(), a.body()).lang();
            String t = LanguageDetector.detect(TextNormalizer.normalize(a.title()));
            full += f.equals(a.lang()) ? 1 : 0;
            titles += t.equals(a.lang()) ? 1 : 0;
            if (!f.equals(a.lang()) || !t.equals(a.lang())) {
                sb.append(String.format("  language %s: expected %s, full text %s, title %s%n", a.name(), a.lang(), f, t));
            }
        }
        return String.format("language accuracy: full texts %d/%d, titles alone %d/%d%n", full, corpus.size(), titles, corpus.size()) + sb;
    }

    private static List<String> words(Analysis analysis, String id) {
        return analysis.topics().stream().filter(m -> m.topicId().equals(id)).findFirst().map(TopicMatch::matched).orElse(List.of());
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }
}
