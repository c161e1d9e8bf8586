package kz.qazdigest.govkz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GovKzParserTest {
    static final URI MFA = URI.create("https://www.gov.kz/api/v1/public/content-manager/news?projects=eq:mfa&sort-by=created_date:DESC");
    private final GovKzListing listing = GovKzListing.of(MFA).orElseThrow();

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = GovKzParserTest.class.getResourceAsStream("/govkz/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsTheBareArrayShapeInEachLanguage() throws Exception {
        List<GovKzEntry> kk = GovKzParser.parse(listing, "kk", fixture("mfa-news.kk.json"), "application/json");
        assertThat(kk).hasSize(2);
        GovKzEntry doha = kk.get(0);
        assertThat(doha.guid()).isEqualTo("govkz:mfa:1098765:kk");
        assertThat(doha.storyKey()).isEqualTo("govkz:mfa:1098765");
        assertThat(doha.lang()).isEqualTo("kk");
        assertThat(doha.link()).isEqualTo("https://www.gov.kz/memleket/entities/mfa/press/news/details/1098765?lang=kk");
        assertThat(doha.title()).startsWith("Доха форумы: Қазақстан");
        assertThat(doha.publishedAt()).isEqualTo(Instant.parse("2025-12-08T09:20:00Z"));
        // the full body, credits and images gone, one paragraph per line
        assertThat(doha.bodyText().split("\n")).hasSize(8);
        assertThat(doha.bodyText()).doesNotContain("Сурет:").contains("Испанияның");
        // no published_date: the created date serves
        assertThat(kk.get(1).publishedAt()).isEqualTo(Instant.parse("2025-12-07T05:02:11Z"));
    }

    @Test
    void theSameIdInThreeLanguagesIsOneStory() throws Exception {
        List<GovKzEntry> all = new ArrayList<>();
        for (String lang : List.of("kk", "ru", "en")) {
            all.addAll(GovKzParser.parse(listing, lang, fixture("mfa-news." + lang + ".json"), "application/json;charset=UTF-8"));
        }
        assertThat(all).filteredOn(e -> e.storyKey().equals("govkz:mfa:1098765"))
                .extracting(GovKzEntry::lang).containsExactly("kk", "ru", "en");
        assertThat(all).extracting(GovKzEntry::guid).doesNotHaveDuplicates();
        assertThat(all).filteredOn(e -> e.lang().equals("en")).first()
                .satisfies(e -> assertThat(e.bodyText()).contains("Spain").doesNotContain("Photo:"));
    }

    @Test
    void readsThePageShapeWithCamelCaseFields() throws Exception {
        List<GovKzEntry> en = GovKzParser.parse(listing, "en", fixture("mfa-news.page-shape.en.json"), "application/json");
        assertThat(en).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Kazakhstan & Qatar Sign Visa Waiver Agreement");
            assertThat(e.bodyText().split("\n")).hasSize(2);
            assertThat(e.publishedAt()).isEqualTo(Instant.parse("2025-12-09T05:00:00Z"));
        });
    }

    @Test
    void anHtmlAnswerIsARefusalNotAnEmptyListing() {
        assertThatThrownBy(() -> GovKzParser.parse(listing, "ru", fixture("refused-challenge.html"), "text/html; charset=utf-8"))
                .isInstanceOf(GovKzException.class)
                .hasMessageStartingWith("govkz: the news API answered an HTML page instead of JSON")
                .hasMessageContaining("Проверка браузера");
    }

    @Test
    void anErrorObjectIsReportedWithItsMessage() {
        assertThatThrownBy(() -> GovKzParser.parse(listing, "ru", fixture("refused-403.json"), "application/json"))
                .hasMessageContaining("without a list of news")
                .hasMessageContaining("403 Access denied: missing hash/token headers");
    }

    @Test
    void malformedJsonIsReported() {
        assertThatThrownBy(() -> GovKzParser.parse(listing, "ru", "[{\"id\": 1,".getBytes(), "application/json"))
                .hasMessageStartingWith("govkz: the news API answered malformed JSON");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-12-08T14:20:31.123+0500 | 2025-12-08T09:20:31.123Z",
            "2025-12-08T14:20:31+05:00    | 2025-12-08T09:20:31Z",
            "2025-12-08T09:20:31.123456Z  | 2025-12-08T09:20:31.123456Z",
            "2025-12-08T14:20:31          | 2025-12-08T09:20:31Z",
            "1765185631123                | 2025-12-08T09:20:31.123Z",
            "yesterday                    | ",
    })
    void datesInTheShapesSeenInPublicCode(String raw, String expected) {
        assertThat(GovKzParser.date(raw)).isEqualTo(expected == null ? null : Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://www.gov.kz/api/v1/public/content-manager/news?projects=eq:mfa&sort-by=created_date:DESC | mfa",
            "https://www.gov.kz/api/v1/public/content-manager/news?sort-by=created_date:DESC&projects=eq%3Amdai | mdai",
            "https://www.gov.kz/api/v1/public/content-manager/news?sort-by=created_date:DESC | ",
            "https://www.gov.kz/memleket/entities/mfa/press/news?lang=kk | ",
    })
    void listingUrls(String url, String project) {
        assertThat(GovKzListing.of(URI.create(url.trim())).map(GovKzListing::project).orElse(null)).isEqualTo(project);
    }
    @Test
    void theShippedFeedListCarriesTheMinistryAsAGovKzListing() {
        var outline = kz.qazdigest.store.OpmlFeedList.read(java.nio.file.Path.of("config/feeds.opml")).stream()
                .filter(o -> o.kind().equals("govkz")).findFirst().orElseThrow();
        assertThat(GovKzListing.of(URI.create(outline.url()))).map(GovKzListing::project).contains("mfa");
        assertThat(GovKzPoller.languages(outline.lang())).containsExactly("kk", "ru", "en");
    }
}
