package kz.qazdigest.fulltext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.qazdigest.config.Settings;
import kz.qazdigest.config.SettingsLoader;

/** The article page fixtures (src/test/resources/articles-html) with their expected paragraphs. */
final class ArticleFixtures {
    record Page(String name, URI url, String html, List<String> expected) {}

    private ArticleFixtures() {
    }

    static List<Page> all() {
        List<Page> pages = new ArrayList<>();
        for (String line : read("index.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            String name = cols[0].trim();
            String expectedName = name.replaceFirst("\\.html$", ".expected.txt");
            List<String> expected = read(expectedName).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            pages.add(new Page(name, URI.create(cols[1].trim()), read(name), expected));
        }
        return pages;
    }

    static String read(String name) {
        try (InputStream in = ArticleFixtures.class.getResourceAsStream("/articles-html/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture articles-html/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The site rules of the shipped config/application.yml, loaded the way the program loads them. */
    static Map<String, Settings.SiteRule> configuredSites(java.nio.file.Path tempDir) {
        try {
            java.nio.file.Path opml = java.nio.file.Files.writeString(tempDir.resolve("feeds.opml"),
                    "<opml version=\"2.0\"><body/></opml>");
            return SettingsLoader.load(Map.of("QAZDIGEST_CONFIG", "config/application.yml",
                    "QAZDIGEST_FEEDS", opml.toString())).fullText().sites();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
