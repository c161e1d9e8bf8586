package kz.qazdigest.topic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import kz.qazdigest.text.Analysis;
import kz.qazdigest.text.Corpus.Article;
import kz.qazdigest.text.LanguageDetector;
import kz.qazdigest.text.TextAnalyzer;
import kz.qazdigest.text.TextNormalizer;

/**
 * Scores a labelled article set against the analyzer: per topic and overall precision and recall (a predicted
 * topic that is neither expected nor optional is a false positive), forbidden topics that fired (the traps),
 * and language accuracy on full texts and on titles alone. {@link #report()} is the printable table.
 */
final class CorpusScore {
    final double precision;
    final double recall;
    final List<String> forbiddenHits = new ArrayList<>();
    final int articles;
    final int langFull;
    final int langTitles;
    private final StringBuilder report = new StringBuilder();

    private CorpusScore(List<Article> set, TextAnalyzer analyzer) {
        Map<String, int[]> perTopic = new TreeMap<>(); // tp, fp, fn
        List<String> misses = new ArrayList<>();
        for (Article a : set) {
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
        report.append(String.format("%-15s %4s %4s %4s %9s %7s%n", "topic", "tp", "fp", "fn", "precision", "recall"));
        for (Map.Entry<String, int[]> e : perTopic.entrySet()) {
            int[] c = e.getValue();
            tp += c[0];
            fp += c[1];
            fn += c[2];
            report.append(String.format("%-15s %4d %4d %4d %9.3f %7.3f%n", e.getKey(), c[0], c[1], c[2],
                    ratio(c[0], c[0] + c[1]), ratio(c[0], c[0] + c[2])));
        }
        precision = ratio(tp, tp + fp);
        recall = ratio(tp, tp + fn);
        report.append(String.format("%-15s %4d %4d %4d %9.3f %7.3f%n", "OVERALL", tp, fp, fn, precision, recall));

        int full = 0;
        int titles = 0;
        StringBuilder langMisses = new StringBuilder();
        for (Article a : set) {
            String f = analyzer.analyze(a.title(), a.body()).lang();
            String t = LanguageDetector.detect(TextNormalizer.normalize(a.title()));
            full += f.equals(a.lang()) ? 1 : 0;
            titles += t.equals(a.lang()) ? 1 : 0;
            if (!f.equals(a.lang()) || !t.equals(a.lang())) {
                langMisses.append(String.format("  language %s: expected %s, full text %s, title %s%n", a.name(), a.lang(), f, t));
            }
        }
        articles = set.size();
        langFull = full;
        langTitles = titles;
        report.append(String.format("language accuracy: full texts %d/%d, titles alone %d/%d%n", full, articles, titles, articles))
                .append(langMisses);
        forbiddenHits.forEach(h -> report.append("  trap fired ").append(h).append('\n'));
        misses.forEach(m -> report.append("  ").append(m).append('\n'));
    }

    static CorpusScore of(List<Article> set, TextAnalyzer analyzer) {
        return new CorpusScore(set, analyzer);
    }

    String report() {
        return report.toString();
    }

    /** Prints the table and keeps a copy under target/ (the build's report folder). */
    CorpusScore print(String fileName) {
        System.out.print(report);
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", fileName), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Every topic id a label file names must exist in the taxonomy. */
    static List<String> unknownLabels(List<Article> set, Taxonomy taxonomy) {
        List<String> unknown = new ArrayList<>();
        for (Article a : set) {
            for (Set<String> ids : List.of(a.expect(), a.forbid(), a.optional())) {
                for (String id : ids) {
                    if (taxonomy.find(id).isEmpty()) {
                        unknown.add(a.name() + " names " + id);
                    }
                }
            }
        }
        return unknown;
    }

    private static List<String> words(Analysis analysis, String id) {
        return analysis.topics().stream().filter(m -> m.topicId().equals(id)).findFirst().map(TopicMatch::matched).orElse(List.of());
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }
}
