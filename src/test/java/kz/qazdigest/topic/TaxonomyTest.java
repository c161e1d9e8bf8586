package kz.qazdigest.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxonomyTest {
    static final Taxonomy TAXONOMY = Taxonomy.load(Path.of("config/topics.yml"));

    @Test
    void coversTheContractTopicsInOrderWithCategoriesAndNames() {
        List<String> ids = TAXONOMY.topics().stream().map(TopicInfo::id).toList();
        assertThat(ids).contains("qatar", "spain", "china", "russia", "usa", "turkey", "uzbekistan", "kyrgyzstan",
                "tajikistan", "turkmenistan", "azerbaijan", "iran", "afghanistan", "mongolia", "japan", "south-korea",
                "india", "germany", "france", "uk", "italy", "uae", "saudi-arabia", "israel", "ukraine", "belarus",
                "georgia", "armenia", "pakistan", "un", "eu", "sco", "csto", "eaeu", "cis", "osce", "ots", "cica",
                "nato", "oic", "brics", "g20", "wto", "iaea", "asean", "central-asia", "middle-east", "europe",
                "asia-pacific", "south-caucasus", "security", "trade", "energy", "transport", "climate-water",
                "humanitarian", "consular", "nuclear", "multilateral", "visits");
        assertThat(ids.indexOf("russia")).isLessThan(ids.indexOf("un")); // file order: countries first
        for (TopicInfo t : TAXONOMY.topics()) {
            assertThat(t.category()).isIn("country", "organisation", "region", "theme");
            assertThat(t.names().keySet()).containsExactlyInAnyOrder("kk", "ru", "en");
        }
    }

    @ParameterizedTest
    @CsvSource({"qatar,qatar", "Қатар,qatar", "Катар,qatar", "Qatar,qatar", "QATAR,qatar", "қатар,qatar",
            "' Испания ',spain", "АҚШ,usa", "США,usa", "ЕАЭО,eaeu", "Organization of Turkic States,ots",
            "#qatar,qatar", "Қазaқстан,", "Kazakhstan,"})
    void findsByIdOrAnyDisplayName(String query, String id) {
        assertThat(TAXONOMY.find(query).map(TopicInfo::id).orElse(null)).isEqualTo(id);
    }

    @Test
    void suggestsClosestTopicsForTypos() {
        assertThat(TAXONOMY.suggest("Qatr", 3)).extracting(TopicInfo::id).first().isEqualTo("qatar");
        assertThat(TAXONOMY.suggest("Испан", 3)).extracting(TopicInfo::id).contains("spain");
        assertThat(TAXONOMY.suggest("Germny", 2)).extracting(TopicInfo::id).containsExactly("germany");
        assertThat(TAXONOMY.suggest("zzzzzzzz", 3)).isEmpty();
        assertThat(TAXONOMY.suggest("Qatr", 0)).isEmpty();
    }

    @Test
    void hashChangesWithTheFile() {
        String a = Taxonomy.parse(minimal("Qatar+"), "a").hash();
        assertThat(Taxonomy.parse(minimal("Qatar+"), "b").hash()).isEqualTo(a);
        assertThat(Taxonomy.parse(minimal("Qatar+, Doha+"), "c").hash()).isNotEqualTo(a);
    }

    @Test
    void fallsBackToTheBuiltInCopyWhenTheFileIsMissing(@TempDir Path dir) {
        Taxonomy builtIn = Taxonomy.load(dir.resolve("missing.yml"));
        assertThat(builtIn.hash()).isEqualTo(TAXONOMY.hash()); // the jar packs config/ unchanged
    }

    @Test
    void readsAGivenFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("topics.yml"), minimal("Qatar+"));
        assertThat(Taxonomy.load(file).topics()).extracting(TopicInfo::id).containsExactly("qatar");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            topics: []                                                                   | expected a non-empty list under 'topics'
            'topics: [{id: Qatar, category: country, names: {kk: a, ru: b, en: c}}]'      | topic id 'Qatar' must be lowercase
            'topics: [{id: q, category: land, names: {kk: a, ru: b, en: c}}]'             | topic 'q': category must be one of
            'topics: [{id: q, category: country, names: {kk: a, ru: b}}]'                 | topic 'q': names.en is missing
            'topics: [{id: q, category: country, names: {kk: a, ru: b, en: c}, term: {}}]' | topic 'q': unknown key 'term'
            'topics: [{id: q, category: country, names: {kk: a, ru: b, en: c}, terms: {de: [x]}}]' | unknown language 'de'
            'topics: [{id: q, category: region, names: {kk: a, ru: b, en: c}, members: [x]}]'      | unknown member 'x'
            'topics: [{id: q, category: country, names: {kk: a, ru: b, en: c}, need: 0}]'  | need must be a positive number
            'topics: [{id: q, category: country, names: {kk: a, ru: b, en: c}, terms: {en: [C5+1]}}]' | is not one word
            'topics: [{id: q, category: country, names: {kk: a, ru: b, en: c}}, {id: q, category: country, names: {kk: a, ru: b, en: c}}]' | defined twice
            'topics: [ {id: q'                                                             | not valid YAML
            """)
    void rejectsBadFilesNamingTheSourceAndTopic(String yaml, String message) {
        assertThatThrownBy(() -> Taxonomy.parse(yaml, "test.yml"))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageStartingWith("test.yml")
                .hasMessageContaining(message);
    }

    @Test
    void termsAreCaseSensitiveAsWritten() {
        Taxonomy t = Taxonomy.parse(minimal("Qatar+, UN, trade"), "t");
        TopicMatcher m = new TopicMatcher(t);
        assertThat(m.match("", "qatar un")).isEmpty();
        assertThat(m.match("", "Qatar")).extracting(TopicMatch::topicId).containsExactly("qatar");
        assertThat(m.match("", "UN")).isNotEmpty();
        assertThat(m.match("", "TRADE")).isNotEmpty();
        assertThat(Set.copyOf(m.match("QATAR", "").get(0).matched())).containsExactly("QATAR");
    }

    static String minimal(String enTerms) {
        return "topics:\n  - id: qatar\n    category: country\n    names: {kk: Қатар, ru: Катар, en: Qatar}\n"
                + "    terms: {en: [" + enTerms + "]}\n";
    }
}
