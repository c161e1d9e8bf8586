package kz.qazdigest.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClassifyCommandTest {
    static final Path SEED = Path.of("src/test/resources/articles/doha-forum.kk.txt");
    @TempDir
    Path dir;
    Map<String, String> env;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws IOException {
        // the feed list is someone else's file; Settings only insists that it exists
        Path opml = Files.writeString(dir.resolve("feeds.opml"), "<opml version=\"2.0\"><body/></opml>");
        env = Map.of("QAZDIGEST_FEEDS", opml.toString());
    }

    private int run(String stdin, String... args) {
        CommandLine cli = new CommandLine(new ClassifyCommand(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void seedAsJsonHasKazakhQatarSpainMultilateralAndTheLeadSentence() throws IOException {
        assertThat(run("", "--json", SEED.toString())).isZero();
        String stdout = out.toString().trim();
        assertThat(stdout.lines().count()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(stdout);
        assertThat(json.get("lang").asText()).isEqualTo("kk");
        List<String> ids = new ArrayList<>();
        json.get("topics").forEach(t -> {
            ids.add(t.get("id").asText());
            assertThat(t.get("matched").size()).as(t.toString()).isPositive();
        });
        assertThat(ids).contains("qatar", "spain", "multilateral").doesNotContain("turkey");
        JsonNode qatar = json.get("topics").get(ids.indexOf("qatar")).get("matched");
        assertThat(qatar.toString()).contains("Қатар").doesNotContain("қатар\"");
        assertThat(json.get("summary").asText()).startsWith("Қазақстан Республикасы Сыртқы істер министрінің орынбасары "
                + "Әлібек Бақаев Қатар астанасында өткен Доха форумының жұмысына қатысты, деп хабарлайды Қазақстан "
                + "Республикасы Сыртқы істер министрлігінің баспасөз қызметінен.");
    }

    @Test
    void readsStdinAndPrintsText() {
        assertThat(run("Kazakhstan, Qatar hold talks\nASTANA – Kazakhstan and Qatar held talks on trade and investment in Doha.\n", "-")).isZero();
        assertThat(out.toString())
                .contains("language: en")
                .contains("qatar: Qatar")
                .contains("summary: Kazakhstan and Qatar held talks on trade and investment in Doha.");
    }

    @Test
    void missingFileIsOneLineAndExitCode2() {
        assertThat(run("", dir.resolve("nope.txt").toString())).isEqualTo(2);
        assertThat(err.toString().trim()).startsWith("qazdigest: classify: no such file:").doesNotContain("\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void brokenTaxonomyStopsWithExitCode2ThroughMain() throws IOException {
        Path topics = Files.writeString(dir.resolve("topics.yml"), "topics: []\n");
        Path config = Files.writeString(dir.resolve("application.yml"), "text:\n  topics: " + topics + "\n");
        env = Map.of("QAZDIGEST_FEEDS", env.get("QAZDIGEST_FEEDS"), "QAZDIGEST_CONFIG", config.toString());
        CommandLine cli = new CommandLine(new ClassifyCommand(env, new ByteArrayInputStream(new byte[0])));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println("qazdigest: " + e.getMessage()); // as Main does for StartupException
            return e instanceof StartupException ? 2 : 1;
        });
        assertThat(cli.execute(SEED.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("expected a non-empty list under 'topics'");
    }
}
