package kz.qazdigest.bench;

import java.nio.file.Path;
import java.util.List;
import kz.qazdigest.text.Corpus;
import kz.qazdigest.text.TextAnalyzer;
import kz.qazdigest.topic.Taxonomy;

/**
 * Throughput of the full analyzer (normalise, language, topics, summary) over the labelled corpus, single
 * thread. Run from the project root:
 * {@code mvn -q -o test-compile exec:java -Dexec.mainClass=kz.qazdigest.bench.ClassifyBenchmark -Dexec.classpathScope=test}
 * (optional argument: seconds to measure, default 10).
 */
public final class ClassifyBenchmark {
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        List<Corpus.Article> corpus = Corpus.load();
        TextAnalyzer analyzer = new TextAnalyzer(Taxonomy.load(Path.of("config/topics.yml")), 350);
        long chars = corpus.stream().mapToLong(a -> a.title().length() + a.body().length()).sum();
        run(analyzer, corpus, 2e9); // warm-up: let the JIT compile the hot paths
        long start = System.nanoTime();
        long articles = run(analyzer, corpus, seconds * 1e9);
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("corpus: %d articles, %.0f chars on average%n", corpus.size(), (double) chars / corpus.size());
        System.out.printf("analyzed %d articles in %.1f s: %.0f articles/s, %.1f µs/article, %.2f M chars/s%n",
                articles, elapsed, articles / elapsed, elapsed * 1e6 / articles,
                articles * ((double) chars / corpus.size()) / elapsed / 1e6);
    }

    private static long run(TextAnalyzer analyzer, List<Corpus.Article> corpus, double nanos) {
        long done = 0;
        long sink = 0;
        long deadline = System.nanoTime() + (long) nanos;
        while (System.nanoTime() < deadline) {
            for (Corpus.Article a : corpus) {
                sink += analyzer.analyze(a.title(), a.body()).summary().length();
                done++;
            }
        }
        if (sink == 42) {
            System.out.print(""); // keeps the results alive for the JIT
        }
        return done;
    }
}
