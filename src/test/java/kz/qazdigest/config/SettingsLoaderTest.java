package kz.qazdigest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsLoaderTest {
    @TempDir
    Path dir;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws IOException {
        Path opml = Files.writeString(dir.resolve("feeds.opml"), "<opml version=\"2.0\"><body/></opml>");
        Path yml = Files.writeString(dir.resolve("application.yml"), "feeds:\n  pollInterval: PT5M\n");
        env = new HashMap<>();
        env.put("QAZDIGEST_FEEDS", opml.toString());
        env.put("QAZDIGEST_CONFIG", yml.toString());
    }

    @Test
    void defaultsYamlAndEnvironmentLayerInThatOrder() {
        Settings fromYaml = SettingsLoader.load(env);
        assertThat(fromYaml.feeds().pollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(fromYaml.fetch().maxBodyBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(fromYaml.telegram().apiUrl().toString()).isEqualTo("https://api.telegram.org");
        assertThat(fromYaml.telegram().token()).isEmpty();

        env.put("QAZDIGEST_POLL_INTERVAL", "PT1H");
        env.put("QAZDIGEST_ADMIN_IDS", " 42, 7 ");
        env.put("TELEGRAM_API_URL", "http://127.0.0.1:8081/");
        env.put("TELEGRAM_BOT_TOKEN", "123:abc");
        Settings fromEnv = SettingsLoader.load(env);
        assertThat(fromEnv.feeds().pollInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(fromEnv.telegram().adminIds()).containsExactlyInAnyOrder(42L, 7L);
        assertThat(fromEnv.telegram().apiUrl().getPort()).isEqualTo(8081);
        assertThat(fromEnv.telegram().token()).contains("123:abc");
        assertThat(fromEnv.telegram().toString()).doesNotContain("123:abc");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "QAZDIGEST_POLL_INTERVAL | banana                         | ISO-8601 duration",
            "QAZDIGEST_POLL_INTERVAL | PT0S                           | shorter than",
            "QAZDIGEST_ADMIN_IDS     | alice                          | numeric Telegram user id",
            "QAZDIGEST_ADMIN_IDS     | 1,-5                           | numeric Telegram user id",
            "TELEGRAM_API_URL        | http://127.0.0.1:8081/some/prefix | has a path",
            "TELEGRAM_API_URL        | ftp://example.org              | http:// or https://",
            "TELEGRAM_API_URL        | not a url                      | not a URL",
            "QAZDIGEST_FEEDS         | /no/such/file.opml             | file not found",
            "QAZDIGEST_CONFIG        | /no/such/application.yml       | file not found",
            "TELEGRAM_BOT_TOKEN      | 'a b'                          | white space",
    })
    void invalidValuesNameTheVariable(String variable, String value, String reason) {
        env.put(variable, value);
        assertThatThrownBy(() -> SettingsLoader.load(env))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("invalid value for " + variable + ": ")
                .hasMessageContaining(reason);
    }

    @Test
    void theTokenIsNeverEchoedInAnError() {
        env.put("TELEGRAM_BOT_TOKEN", "123:secret part");
        assertThatThrownBy(() -> SettingsLoader.load(env)).hasMessageNotContaining("secret");
    }

    @Test
    void badYamlValuesNameTheKeyAndTheFile() throws IOException {
        Files.writeString(Path.of(env.get("QAZDIGEST_CONFIG")), "fetch:\n  maxBodyBytes: lots\n");
        assertThatThrownBy(() -> SettingsLoader.load(env))
                .hasMessageContaining("invalid value for fetch.maxBodyBytes")
                .hasMessageContaining("application.yml")
                .hasMessageContaining("not a whole number");
    }
    @Test
    void fullTextSiteRulesAreReadAndABadSelectorStopsStartUp() throws IOException {
        Files.writeString(Path.of(env.get("QAZDIGEST_CONFIG")),
                "fullText:\n  sites:\n    Egemen.kz:\n      body: \".news-text .txt\"\n      drop: [\".read-also\"]\n");
        assertThat(SettingsLoader.load(env).fullText().sites().get("egemen.kz"))
                .isEqualTo(new Settings.SiteRule(".news-text .txt", java.util.List.of(".read-also")));
        Files.writeString(Path.of(env.get("QAZDIGEST_CONFIG")),
                "fullText:\n  sites:\n    egemen.kz:\n      body: \"div[[\"\n");
        assertThatThrownBy(() -> SettingsLoader.load(env))
                .hasMessageContaining("invalid value for fullText.sites.egemen.kz.body")
                .hasMessageContaining("not a CSS selector");
    }
}
