package kz.qazdigest.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kz.qazdigest.testing.TestTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestPlannerTest {
    final DigestPlanner planner = new DigestPlanner(new TestTopics());

    static DigestItem item(long id, String lang, String link, long at, String storyKey, String... topics) {
        return new DigestItem(id, "src", lang, "title " + id, link, "s", at, storyKey, List.of(topics));
    }

    DigestPlan plan(List<DigestItem> items, String lang, String... chatTopics) {
        return planner.plan(StoryIndex.of(items), lang, planner.ordered(List.of(chatTopics)));
    }

    static List<Long> ids(DigestPlan.Section section) {
        return section.entries().stream().map(e -> e.item().id()).toList();
    }

    @Test
    void anItemGoesUnderTheFirstOfTheChatsTopicsInCatalogOrderOnlyNewestFirst() {
        DigestPlan plan = plan(List.of(
                item(1, "en", "https://a.kz/1", 100, null, "trade", "qatar"),
                item(2, "en", "https://a.kz/2", 300, null, "qatar"),
                item(3, "en", "https://a.kz/3", 200, null, "trade"),
                item(4, "en", "https://a.kz/4", 400, null, "china")), "en", "trade", "qatar");
        assertThat(plan.sections()).extracting(DigestPlan.Section::topicId).containsExactly("qatar", "trade");
        assertThat(ids(plan.sections().get(0))).containsExactly(2L, 1L);
        assertThat(ids(plan.sections().get(1))).containsExactly(3L);
        assertThat(plan.itemCount()).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({"kk, 10", "ru, 11", "en, 12"})
    void picksTheEditionInTheChatsLanguageAndCarriesAllEditions(String lang, long expected) {
        List<DigestItem> editions = List.of(
                item(10, "kk", "https://www.kazinform.kz/kz/tokaev-qatar-123", 100, null, "qatar"),
                item(11, "ru", "https://kazinform.kz/ru/tokaev-qatar-123", 110, null, "qatar"),
                item(12, "en", "https://en.kazinform.kz/tokaev-qatar-123", 120, null));
        DigestPlan plan = plan(editions, lang, "qatar");
        assertThat(plan.sections()).singleElement().satisfies(s -> {
            assertThat(ids(s)).containsExactly(expected);
            assertThat(s.entries().get(0).carried()).containsExactlyInAnyOrder(10L, 11L, 12L);
        });
    }

    @Test
    void fallsBackToEnglishThenToAnyEditionAndJoinsOnStoryKey() {
        List<DigestItem> story = List.of(
                item(20, "ru", "https://mfa.gov.kz/ru/a", 100, "mfa:55", "un"),
                item(21, "en", "https://astanatimes.com/b", 90, "mfa:55", "un"));
        assertThat(ids(plan(story, "kk", "un").sections().get(0))).containsExactly(21L);
        assertThat(ids(plan(story.subList(0, 1), "kk", "un").sections().get(0))).containsExactly(20L);
    }

    @Test
    void sameLanguageSegmentInDifferentArticlesStaysApart() {
        DigestPlan plan = plan(List.of(
                item(30, "ru", "https://akorda.kz/ru/news-1", 100, null, "qatar"),
                item(31, "ru", "https://akorda.kz/ru/news-2", 110, null, "qatar")), "ru", "qatar");
        assertThat(plan.itemCount()).isEqualTo(2);
    }

    @Test
    void nothingMatchingMakesAnEmptyPlan() {
        assertThat(plan(List.of(item(1, "en", "https://a.kz/1", 1, null, "china")), "en", "qatar").isEmpty()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "https://www.kazinform.kz/kz/x-123, kazinform.kz/x-123",
            "https://kazinform.kz/ru/x-123/, kazinform.kz/x-123",
            "http://en.kazinform.kz/x-123, kazinform.kz/x-123",
            "https://www.akorda.kz/kz/events/abc, akorda.kz/events/abc",
            "https://www.gov.kz/memleket/entities/mfa/press/news/details/123?lang=ru, gov.kz/memleket/entities/mfa/press/news/details/123?lang=ru",
            "https://en.kz/about, en.kz/about"})
    void editionKeyDropsTheLanguagePartOfTheAddress(String link, String key) {
        assertThat(EditionKey.of(link)).isEqualTo(key);
    }
}
