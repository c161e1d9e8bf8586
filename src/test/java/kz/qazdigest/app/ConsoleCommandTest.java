package kz.qazdigest.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The README's first command, scripted: piped input, every pending reply delivered, exit 0. */
class ConsoleCommandTest {
    @TempDir
    Path dir;

    private String console(String input, String... args) throws IOException {
        Path opml = Files.writeString(dir.resolve("feeds.opml"), "<opml version=\"2.0\"><body/></opml>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsoleCommand command = new ConsoleCommand(Map.of("QAZDIGEST_FEEDS", opml.toString(),
                "QAZDIGEST_DB", dir.resolve("console.db").toString()),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(new CommandLine(command).execute(args)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void subscribeAndDigestShowTheSeedArticleOnce() throws IOException {
        String out = console("/start\n/subscribe qatar\n/digest\n/digest\n");
        assertThat(out).contains("Доха форумы: Қазақстан халықаралық ынтымақтастықты нығайтуға өз үлесін қосуда")
                .contains("Әлібек Бақаев")
                .doesNotContain("Сурет: gov.kz")        // the photo credit is not part of the story
                .doesNotContain("<b>", "&amp;", "\tat "); // HTML rendered as text, no stack traces
        assertThat(out.split("Доха форумы: Қазақстан", -1)).as("the item is shown once").hasSize(2);
        assertThat(out).contains("Nothing new on your topics");
    }

    @Test
    void speaksTheUsersLanguage() throws IOException {
        String out = console("/start\n/subscribe Испания\n/mytopics\n", "--lang", "kk");
        assertThat(out).contains("Испания");
        assertThat(out.toLowerCase()).doesNotContain("welcome");
    }

    @Test
    void badInputGetsAnAnswerNotACrash() throws IOException {
        String out = console("/schedule daily 25:99\n/subscribe atlantis\nhello\n/unknown\n");
        assertThat(out).doesNotContain("\tat ", "Exception");
        assertThat(out.lines().filter(l -> !l.isBlank()).count()).isGreaterThanOrEqualTo(4);
    }
}
