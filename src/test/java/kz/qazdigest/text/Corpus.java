package kz.qazdigest.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A labelled article set: NAME.txt (title line, body) + NAME.expect.yml. {@link #DIR} was used to tune the rules;
 * {@link #HELD_OUT} was written before tuning against it and is the honest measure.
 */
public final class Corpus {
    public static final Path DIR = Path.of("src/test/resources/articles");
    public static final Path HELD_OUT = Path.of("src/test/resources/articles-heldout");

    public record Article(String name, String title, String body, String lang, Set<String> expect,
                          Set<String> forbid, Set<String> optional) {}

    private Corpus() {}

    public static List<Article> load() {
        return load(DIR);
    }

    public static List<Article> load(Path dir) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Article> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path txt : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String name = txt.getFileName().toString().replaceFirst("\\.txt$", "");
                Path sidecar = dir.resolve(name + ".expect.yml");
                if (!Files.exists(sidecar)) {
                    throw new IllegalStateException("corpus: " + txt + " has no " + sidecar.getFileName());
                }
                JsonNode labels = yaml.readTree(sidecar.toFile());
                String text = Files.readString(txt, StandardCharsets.UTF_8);
                int nl = text.indexOf('\n');
                out.add(new Article(name, nl < 0 ? text : text.substring(0, nl), nl < 0 ? "" : text.substring(nl + 1),
                        labels.path("lang").asText(), set(labels.path("expect")), set(labels.path("forbid")),
                        set(labels.path("optional"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Set<String> set(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }
}
