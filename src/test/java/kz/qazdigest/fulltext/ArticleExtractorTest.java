package kz.qazdigest.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import kz.qazdigest.config.Settings;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {
    private final ArticleExtractor generic = new ArticleExtractor(Map.of());

    @Test
    void aSiteRuleWhoseSelectorFindsNothingFallsBackToTheGenericRule() {
        // the site "changed its markup": the configured body selector matches nothing
        ArticleExtractor stale = new ArticleExtractor(Map.of("akorda.kz",
                new Settings.SiteRule(".old-article-body", List.of())));
        Extraction e = stale.extract(ArticleFixtures.read("akorda-ru.html"),
                URI.create("https://www.akorda.kz/ru/x-9115245"));
        assertThat(e.paragraphs()).hasSize(6).first().asString().startsWith("Касым-Жомарт Токаев провел");
    }

    @Test
    void aRuleForADomainServesItsSubdomainsButNotATopLevelDomain() {
        SiteRules rules = new SiteRules(Map.of("kursiv.media", new Settings.SiteRule(".a", List.of()),
                "kz", new Settings.SiteRule(".never", List.of())));
        assertThat(rules.forHost("kz.kursiv.media")).isPresent();
        assertThat(rules.forHost("KURSIV.media")).isPresent();
        assertThat(rules.forHost("egemen.kz")).isEmpty();
        assertThat(rules.forHost("notkursiv.media")).isEmpty();
    }

    @Test
    void aLoginWallIsSeenAndJudgedWrong() {
        Extraction e = generic.extract(ArticleFixtures.read("login-wall.html"), URI.create("https://kz.kursiv.media/x/"));
        assertThat(e.loginWall()).isTrue();
        assertThat(Plausibility.problem(e, "Правительство готовит пакет поправок.")).contains("login wall");
    }

    @Test
    void aListingPageIsMostlyLinks() {
        Extraction e = generic.extract(ArticleFixtures.read("listing-page.html"), URI.create("https://egemen.kz/category/sayasat"));
        assertThat(Plausibility.problem(e, "teaser")).get().asString().matches("mostly links.*|too short.*|no article text.*");
    }

    @Test
    void aRealArticleIsAcceptedOverItsTeaser() {
        Extraction e = generic.extract(ArticleFixtures.read("govkz-mfa-doha.kk.html"),
                URI.create("https://www.gov.kz/memleket/entities/mfa/press/news/details/1098765?lang=kk"));
        String teaser = "Қазақстан Республикасы Сыртқы істер министрінің орынбасары Әлібек Бақаев Қатар астанасында өткен "
                + "Доха форумының жұмысына қатысты.";
        assertThat(Plausibility.problem(e, teaser)).isEmpty();
        assertThat(e.text()).contains("Испанияның");
    }

    @Test
    void anExtractionNoLongerThanTheTeaserIsRefused() {
        String body = "<p>Қазақстан мен Түркия кәсіпкерлерінің бизнес-форумы өтіп, оған екі елден 300-ден астам компания "
                + "өкілі қатысты. Форумда өнеркәсіп, логистика, ауыл шаруашылығы және туризм салаларындағы бірлескен жобалар "
                + "таныстырылды. Форум қорытындысы бойынша жалпы құны 1,2 миллиард долларды құрайтын 25 коммерциялық келісімге "
                + "қол қойылды.</p>";
        Extraction e = generic.extract("<html><body><div class=article>" + body + "</div></body></html>",
                URI.create("https://egemen.kz/article/1"));
        String teaser = org.jsoup.Jsoup.parse(body).text();
        assertThat(Plausibility.problem(e, teaser)).contains("no longer than the feed's text");
    }

    @Test
    void tooShortAndEmptyPagesAreRefused() {
        Extraction tiny = generic.extract("<html><body><p>Бет табылмады. Басты бетке оралыңыз.</p></body></html>",
                URI.create("https://egemen.kz/404"));
        assertThat(Plausibility.problem(tiny, "")).get().asString().startsWith("too short");
        Extraction empty = generic.extract("<html><body><nav><a href=/>Home</a></nav></body></html>",
                URI.create("https://egemen.kz/x"));
        assertThat(Plausibility.problem(empty, "")).contains("no article text found");
    }

    @Test
    void articleTextCleansAnApiBodyFragment() {
        assertThat(ArticleText.paragraphs("<p><img src=x></p><p><em>Сурет: gov.kz</em></p><p>Бірінші абзац мұнда тұр.</p>"
                + "<div class=\"share\">Бөлісу: <a href=#>Facebook</a></div><p>Екінші абзац та осында.</p>"))
                .containsExactly("Бірінші абзац мұнда тұр.", "Екінші абзац та осында.");
        assertThat(ArticleText.paragraphs(null)).isEmpty();
    }
}
