package kz.qazdigest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RunCommandTest {
    @Test
    void withoutATokenRunSaysWhatToSetInOneLineAndExits2() {
        assumeTrue(System.getenv("TELEGRAM_BOT_TOKEN") == null, "a token is set in this environment");
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.execute("run");
        } finally {
            System.setErr(original);
        }
        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(2);
        assertThat(printed.strip()).doesNotContain("\n")
                .startsWith("qazdigest: run: TELEGRAM_BOT_TOKEN is not set")
                .contains("@BotFather");
    }
}
