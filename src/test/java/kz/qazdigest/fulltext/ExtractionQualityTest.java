package kz.qazdigest.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kz.qazdigest.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paragraph precision and recall of the extractor on the fixture pages, per page and overall, with the
 * shipped site rules and with the generic rule alone. A paragraph counts when it matches an expected one
 * exactly (white space normalised). Prints the table; fails below 0.95.
 */
class ExtractionQualityTest {
    @TempDir
    Path dir;

    record Score(int found, int expected, int correct) {
        double precision() {
            return found == 0 ? 0 : (double) correct / found;
        }

        double recall() {
            return expected == 0 ? 1 : (double) correct / expected;
        }

        Score plus(Score o) {
            return new Score(found + o.found, expected + o.expected, correct + o.correct);
        }
    }

    @Test
    void siteRulesFromTheShippedConfigReachTheTarget() {
        Score overall = measure("site rules (config/application.yml)", ArticleFixtures.configuredSites(dir));
        assertThat(overall.precision()).as("precision").isGreaterThanOrEqualTo(0.95);
        assertThat(overall.recall()).as("recall").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void theGenericRuleAloneReachesTheTargetToo() {
        // the fallback when a site changes its markup or has no rule yet
        Score overall = measure("generic text-density rule only", Map.of());
        assertThat(overall.precision()).as("precision").isGreaterThanOrEqualTo(0.95);
        assertThat(overall.recall()).as("recall").isGreaterThanOrEqualTo(0.95);
    }

    private static Score measure(String label, Map<String, Settings.SiteRule> sites) {
        ArticleExtractor extractor = new ArticleExtractor(sites);
        StringBuilder table = new StringBuilder("extraction quality, " + label + "\n");
        table.append(String.format(Locale.ROOT, "%-26s %6s %6s %9s %6s%n", "page", "found", "expect", "precision", "recall"));
        Score overall = new Score(0, 0, 0);
        for (ArticleFixtures.Page page : ArticleFixtures.all()) {
            List<String> found = extractor.extract(page.html(), page.url()).paragraphs();
            Score score = score(found, page.expected());
            overall = overall.plus(score);
            table.append(String.format(Locale.ROOT, "%-26s %6d %6d %9.3f %6.3f%n", page.name(), score.found(),
                    score.expected(), score.precision(), score.recall()));
            for (String extra : found) {
                if (!page.expected().contains(extra)) {
                    table.append("    unexpected: ").append(cut(extra)).append('\n');
                }
            }
            for (String missing : page.expected()) {
                if (!found.contains(missing)) {
                    table.append("    missing:    ").append(cut(missing)).append('\n');
                }
            }
        }
        table.append(String.format(Locale.ROOT, "%-26s %6d %6d %9.3f %6.3f%n", "OVERALL", overall.found(),
                overall.expected(), overall.precision(), overall.recall()));
        System.out.print(table);
        return overall;
    }

    static Score score(List<String> found, List<String> expected) {
        Set<String> want = new HashSet<>(expected);
        int correct = 0;
        for (String p : new HashSet<>(found)) {
            if (want.contains(p)) {
                correct++;
            }
        }
        return new Score(found.size(), expected.size(), correct);
    }

    private static String cut(String s) {
        return s.length() > 90 ? s.substring(0, 90) + "..." : s;
    }
}
