package kz.qazdigest.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One row per morphology rule or trap: body text => topic ids (countries/organisations only) found. */
class TopicMatcherTest {
    private static final TopicMatcher MATCHER = new TopicMatcher(TaxonomyTest.TAXONOMY);

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiterString = "=>", textBlock = """
            Қатардың Сыртқы істер министрлігі                => qatar
            Испаниямен келісім жасалды                        => spain
            Мадридте кездесу өтті, Мадридтің әкімі қатысты    => spain
            Делегация Қытайға барды, Ресейдің өкілі қатысты   => china russia
            ЕАЭО-да, ТМҰ-дағы, ШЫҰ-ға, ҰҚШҰ, БҰҰ-ның          => un sco csto eaeu ots
            АҚШ-тың Мемлекеттік хатшысы                      => usa
            Әзірбайжан мен Әзербайжан                         => azerbaijan
            Переговоры с Испанией и визит в Испанию           => spain
            Делегация Катара прибыла в Катар                  => qatar
            Qatar's investment and a Qatari fund               => qatar
            Kazakhstan-Qatar business council                  => qatar
            казахстанско-катарские отношения                   => qatar
            Сонымен қатар министр бірқатар мәселелерді қарады => ''
            Қатарында жеті ел бар                              => ''
            станция метро Китай-город                          => ''
            Катаржина Новак и Даниил Китаев                    => ''
            түрікмен және өзбек делегациялары                  => ''
            түрікмен делегациясы мен өзбек тарапы, түрікмен және өзбек әріптестері => turkmenistan uzbekistan
            a Spanish qualifier beat an American player        => ''
            Spanish and American firms; Spanish investors and American banks => spain usa
            Түркі әлемі, түркітілдес елдер                      => ''
            Atlanta, Georgia, hosted the Kazakh delegation     => ''
            Tbilisi and Georgia signed a roadmap               => georgia
            a roast turkey for Thanksgiving                    => ''
            Turkey and Türkiye are the same country            => turkey
            fine china and china plates                        => ''
            UNICEF and UNESCO programmes                       => ''
            North Korea and the Korean Peninsula               => ''
            страны Латинской Америки                           => ''
            5 млрд АҚШ долларына жеткізу                       => ''
            students from Indiana at Georgetown                => ''
            """)
    void findsNamesThroughMorphologyAndSkipsTraps(String text, String expected) {
        List<String> ids = MATCHER.match("", text.trim()).stream()
                .map(TopicMatch::topicId)
                .filter(id -> List.of("country", "organisation").contains(TaxonomyTest.TAXONOMY.find(id).orElseThrow().category()))
                .sorted().toList();
        List<String> want = expected.isBlank() ? List.of() : Arrays.stream(expected.trim().split(" ")).sorted().toList();
        assertThat(ids).isEqualTo(want);
    }

    @Test
    void recordsTheExactWordsThatMatched() {
        Map<String, List<String>> found = MATCHER.match("Доха форумы", "Ә.Бақаев Қатардың және Испанияның өкілдерімен кездесті.")
                .stream().collect(Collectors.toMap(TopicMatch::topicId, TopicMatch::matched));
        assertThat(found.get("qatar")).containsExactly("Доха", "Қатардың");
        assertThat(found.get("spain")).containsExactly("Испанияның");
        assertThat(found.get("europe")).containsExactly("Испанияның"); // region through its member
    }

    @Test
    void themesNeedTwoHitsOrOneInTheTitle() {
        assertThat(ids(MATCHER.match("", "Саммит өтті."))).doesNotContain("multilateral");
        assertThat(ids(MATCHER.match("", "Саммит өтті. Саммитке елдер қатысты."))).contains("multilateral");
        assertThat(ids(MATCHER.match("Саммит өтті", "Бүгін."))).contains("multilateral");
    }

    @Test
    void aSignalAloneNeedsTwoMentions() {
        assertThat(ids(MATCHER.match("", "Делегация Ташкентке барды."))).doesNotContain("uzbekistan");
        assertThat(ids(MATCHER.match("", "Делегация Ташкентке барды. Ташкентте келісім жасалды."))).contains("uzbekistan");
    }

    @Test
    void homoglyphsAreTheNormalisersJobAndTheAnalyzerDoesIt() {
        var analyzer = new kz.qazdigest.text.TextAnalyzer(TaxonomyTest.TAXONOMY, 350);
        assertThat(ids(analyzer.analyze("Моӊғолия", "Моӊғолия Сыртқы iстер министрi келдi.").topics())).contains("mongolia");
    }

    private static List<String> ids(List<TopicMatch> matches) {
        return matches.stream().map(TopicMatch::topicId).toList();
    }
}
