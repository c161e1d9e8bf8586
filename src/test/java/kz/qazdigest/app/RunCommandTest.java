package kz.qazdigest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {
    @TempDir
    Path dir;

    private Map<String, String> env() throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("QAZDIGEST_FEEDS", Files.writeString(dir.resolve("feeds.opml"), "<opml version=\"2.0\"><body/></opml>").toString());
        env.put("QAZDIGEST_DB", dir.resolve("q.db").toString());
        return env;
    }

    @Test
    void withoutATokenRunSaysWhatToSetAndExits2() throws IOException {
        assertThatThrownBy(() -> new RunCommand(env(), null).call())
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("run: TELEGRAM_BOT_TOKEN is not set")
                .hasMessageContaining("@BotFather");
        assertThat(new CommandLine(new RunCommand(env(), null))
                .setExecutionExceptionHandler((e, cli, parsed) -> e instanceof StartupException ? 2 : 1)
                .execute()).isEqualTo(2);
    }

    @Test
    void anUnreachableBotApiStopsStartUpCleanlyWithoutTheToken() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Map<String, String> env = env();
        env.put("TELEGRAM_BOT_TOKEN", "4242:secret-token-value");
        env.put("TELEGRAM_API_URL", "http://127.0.0.1:" + closedPort);
        assertThatThrownBy(() -> new RunCommand(env, null).call())
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("getMe failed")
                .hasMessageNotContaining("secret-token-value");
        // everything it started was closed: the database opens again at once, with no writer left behind
        try (var db = kz.qazdigest.store.Database.open(dir.resolve("q.db"))) {
            int deleted = db.write(c -> c.createStatement().executeUpdate("DELETE FROM bot_state WHERE name = 'x'"));
            assertThat(deleted).isZero();
        }
    }
}
