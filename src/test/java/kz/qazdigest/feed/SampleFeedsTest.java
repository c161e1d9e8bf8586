package kz.qazdigest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleFeedsTest {
    static final Instant NOW = Instant.parse("2026-03-02T07:30:00Z");
    final FeedParser parser = new FeedParser();

    @Test
    void everySampleParsesWithEightToFifteenItemsDatedAsRecent() throws Exception {
        for (SampleFeeds.Sample sample : SampleFeeds.all()) {
            byte[] xml = SampleFeeds.render(sample.name(), Clock.fixed(NOW, ZoneOffset.UTC));
            ParsedFeed feed = parser.parse(xml, "application/rss+xml", URI.create("http://127.0.0.1/"));
            assertThat(feed.entries()).as(sample.name()).hasSizeBetween(8, 15);
            List<Instant> dates = feed.entries().stream().map(ParsedEntry::publishedAt).sorted(Comparator.reverseOrder()).toList();
            assertThat(dates.get(0)).as(sample.name()).isEqualTo(NOW.minus(Duration.ofMinutes(20)));
            assertThat(dates.get(dates.size() - 1)).as(sample.name()).isAfter(NOW.minus(Duration.ofDays(2)));
        }
    }

    @Test
    void theKazakhSampleCarriesTheDohaForumSeedWithItsPhotoCredit() throws Exception {
        List<String> seed = Files.readAllLines(Path.of("src/test/resources/feeds/doha-forum.kk.txt")); // a copy of shared/seed
        ParsedEntry doha = parser.parse(SampleFeeds.raw("kazinform-kk.xml"), null, URI.create("http://127.0.0.1/")).entries().get(0);

        assertThat(doha.title()).isEqualTo(seed.get(0));
        assertThat(doha.bodyText()).isEqualTo(String.join("\n", seed.subList(1, seed.size())));
        assertThat(doha.bodyText().lines().findFirst()).contains("Сурет: gov.kz");
    }

    @Test
    void unknownSamplesAreRefused() {
        assertThatThrownBy(() -> SampleFeeds.raw("../secret.xml")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new String(SampleFeeds.raw("astanatimes-en.xml"), StandardCharsets.UTF_8)).contains("The Astana Times");
    }
}
