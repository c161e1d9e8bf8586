package kz.qazdigest.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kz.qazdigest.feed.SampleFeedServer;
import kz.qazdigest.store.FeedStore;
import kz.qazdigest.text.Analysis;
import kz.qazdigest.text.ArticleAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PollOnceCommandTest {
    static final ArticleAnalyzer NO_ANALYSIS = (title, body) -> new Analysis("other", List.of(), "");

    @TempDir
    Path dir;
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    int run(Map<String, String> env, String... args) {
        PollOnceCommand command = new PollOnceCommand(env, s -> NO_ANALYSIS, new PrintStream(stdout, true, StandardCharsets.UTF_8));
        return new picocli.CommandLine(command).execute(args);
    }

    String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    Path opml(String... xmlUrls) throws IOException {
        StringBuilder outlines = new StringBuilder();
        for (String url : xmlUrls) {
            outlines.append("<outline type=\"rss\" text=\"").append(url.replaceAll(".*/", "")).append("\" xmlUrl=\"")
                    .append(url).append("\"/>\n");
        }
        Path file = dir.resolve("feeds.opml");
        Files.writeString(file, "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body>" + outlines + "</body></opml>");
        return file;
    }

    @Test
    void pollsEveryFeedPrintsATableAndTheNewTitles() throws Exception {
        try (SampleFeedServer server = SampleFeedServer.start(java.time.Clock.systemUTC())) {
            String refused = "http://127.0.0.1:" + closedPort() + "/gone.xml";
            Path opml = opml(server.url("kazinform-kk.xml").toString(), refused);
            Map<String, String> env = Map.of("QAZDIGEST_FEEDS", opml.toString(), "QAZDIGEST_DB", dir.resolve("q.db").toString());

            assertThat(run(env)).isZero();

            assertThat(out()).contains("feeds: 2 added, 0 known")
                    .containsPattern("kazinform-kk.xml\\s+200\\s+9\\s+\\d+")
                    .containsPattern("gone.xml\\s+error\\s+0\\s+\\d+\\s+fetcher: cannot fetch " + refused + ": connection refused")
                    .contains("9 new items", "Доха форумы: Қазақстан халықаралық ынтымақтастықты нығайтуға өз үлесін қосуда")
                    .doesNotContain("\tat ", "Exception");

            stdout.reset();
            assertThat(run(env)).isZero(); // the second run: known feeds, a 304, nothing new
            assertThat(out()).contains("feeds: 0 added, 2 known").containsPattern("kazinform-kk.xml\\s+304\\s+0").contains("0 new items");
        }
    }

    @Test
    void exitsOneWhenNoFeedAnswers() throws Exception {
        Path opml = opml("http://127.0.0.1:" + closedPort() + "/a.xml", "http://127.0.0.1:" + closedPort() + "/b.xml");
        Map<String, String> env = Map.of("QAZDIGEST_FEEDS", opml.toString(), "QAZDIGEST_DB", dir.resolve("q.db").toString());

        assertThat(run(env)).isEqualTo(1);
        assertThat(out().lines().filter(l -> l.contains("error")).count()).isEqualTo(2);
        assertThat(out()).doesNotContain("\tat ");
    }

    @Test
    void samplesOptionPollsTheBundledFeedsIntoATemporaryDatabase() throws Exception {
        Path realDb = dir.resolve("real.db");
        Map<String, String> env = Map.of("QAZDIGEST_FEEDS", opml("https://unused.example.org/rss").toString(),
                "QAZDIGEST_DB", realDb.toString());

        assertThat(run(env, "--samples")).isZero();

        assertThat(out()).contains("feeds: 3 added").contains("26 new items")
                .contains("Kazakhstan, Qatar Agree to Expand Direct Flights and Investment Ties")
                .contains("Токаев провел телефонный разговор с эмиром Катара");
        assertThat(realDb).doesNotExist();
    }

    @Test
    void theRealAnalyserIsNotWiredYetAndSaysSo() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PollOnceCommand.analyzer(null))
                .isInstanceOf(StartupException.class).hasMessageContaining("PollOnceCommand.analyzer");
    }

    @Test
    void feedStoreSeesWhatTheCommandImported() throws Exception {
        Path opml = opml("http://127.0.0.1:" + closedPort() + "/a.xml");
        Path db = dir.resolve("q.db");
        run(Map.of("QAZDIGEST_FEEDS", opml.toString(), "QAZDIGEST_DB", db.toString()));
        try (kz.qazdigest.store.Database database = kz.qazdigest.store.Database.open(db)) {
            var feed = new FeedStore(database, java.time.Clock.systemUTC()).active().get(0);
            assertThat(feed.failures()).isEqualTo(1);
            assertThat(feed.lastError()).endsWith("connection refused");
        }
    }
}
