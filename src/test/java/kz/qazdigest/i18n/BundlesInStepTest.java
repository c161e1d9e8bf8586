package kz.qazdigest.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every bundle has the same keys in kk, ru and en, with the same placeholders (cf. petclinic's I18nPropertiesSyncTest). */
class BundlesInStepTest {
    private static final Path DIR = Path.of("src/main/resources/i18n");

    @Test
    void everyLanguageHasEveryKeyWithTheSamePlaceholders() throws IOException {
        Map<String, Map<String, Properties>> bundles = new TreeMap<>();
        if (!Files.isDirectory(DIR)) {
            return; // no bundles yet
        }
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                String name = file.getFileName().toString().replace(".properties", "");
                int underscore = name.lastIndexOf('_');
                assertThat(underscore).as("bundle file %s is named <bundle>_<lang>", name).isPositive();
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                bundles.computeIfAbsent(name.substring(0, underscore), k -> new TreeMap<>())
                        .put(name.substring(underscore + 1), properties);
            }
        }
        bundles.forEach((bundle, byLang) -> {
            assertThat(byLang.keySet()).as("languages of bundle %s", bundle).containsExactlyInAnyOrderElementsOf(Messages.LANGUAGES);
            Properties english = byLang.get("en");
            byLang.forEach((lang, props) -> {
                assertThat(props.stringPropertyNames()).as("keys of %s_%s", bundle, lang)
                        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
                for (String key : english.stringPropertyNames()) {
                    assertThat(placeholders(props.getProperty(key))).as("placeholders of %s in %s_%s", key, bundle, lang)
                            .isEqualTo(placeholders(english.getProperty(key)));
                    assertThat(props.getProperty(key)).as("%s in %s_%s", key, bundle, lang).isNotBlank();
                }
            });
        });
    }

    private static String placeholders(String pattern) {
        return Stream.of(new MessageFormat(pattern).getFormatsByArgumentIndex())
                .map(f -> f == null ? "_" : f.getClass().getSimpleName()).collect(Collectors.joining(","))
                + "/" + pattern.chars().filter(c -> c == '{').count();
    }
}
