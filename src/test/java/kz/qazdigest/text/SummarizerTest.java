package kz.qazdigest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SummarizerTest {
    private final Summarizer summarizer = new Summarizer(350);

    @Test
    void seedSummaryStartsWithTheWholeLeadSentence() throws Exception {
        String text = Files.readString(Path.of("src/test/resources/articles/doha-forum.kk.txt"), StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        String summary = summarizer.summarize(text.substring(0, nl), TextNormalizer.normalize(text.substring(nl + 1)), "kk");
        assertThat(summary).startsWith("Қазақстан Республикасы Сыртқы істер министрінің орынбасары Әлібек Бақаев Қатар "
                + "астанасында өткен Доха форумының жұмысына қатысты, деп хабарлайды Қазақстан Республикасы Сыртқы істер "
                + "министрлігінің баспасөз қызметінен.");
        assertThat(summary).doesNotContain("Сурет").hasSizeLessThanOrEqualTo(350);
        assertThat(summary).as("a sentence pointing back ('Бұл байланыстар...') needs its predecessor")
                .doesNotContain("Бұл байланыстар");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "Бұл байланыстар Қазақстанның үлесін көрсетеді.                 | true",
            "Оның айтуынша, келіссөздер сәтті өтті.                         | true",
            "Ә.Бақаев сонымен бірге Мартинеспен кездесті.                   | false",
            "Это решение поддержали все стороны.                            | true",
            "При этом стороны отметили рост товарооборота.                  | true",
            "При поддержке ООН в Алматы открыт центр.                       | false",
            "Он также посетил Мадрид.                                       | true",
            "They also discussed visa-free travel.                          | true",
            "There are 162 countries at the forum.                          | false",
            "Kazakhstan and Qatar signed five agreements.                   | false",
    })
    void sentencesThatPointBackAreRecognised(String sentence, boolean pointsBack) {
        assertThat(Summarizer.leansOnThePrevious(sentence.strip())).isEqualTo(pointsBack);
    }

    @org.junit.jupiter.api.Test
    void aSentencePointingBackIsTakenOnlyWithItsPredecessor() {
        String body = "Kazakhstan and Qatar held political consultations in Doha on Monday.\n"
                + "The delegations reviewed the schedule of visits and the road map of the energy partnership for the years ahead.\n"
                + "Separately, the sides met business leaders from the Gulf.\n"
                + "They agreed on a joint investment platform for agriculture.";
        String summary = new Summarizer(160).summarize("Kazakhstan, Qatar hold consultations", body, "en");
        // both later sentences fit the cap, but not together: "They agreed..." alone would dangle
        assertThat(summary).isEqualTo("Kazakhstan and Qatar held political consultations in Doha on Monday. "
                + "Separately, the sides met business leaders from the Gulf.");
    }

    /** Invariants over every corpus article, at several caps. */
    @ParameterizedTest
    @ValueSource(ints = {120, 200, 350, 600})
    void invariantsHoldOnTheWholeCorpus(int cap) {
        assertInvariants(Corpus.load(), cap);
    }

    /** The same invariants over the held-out articles, which the summarizer was not tuned on. */
    @ParameterizedTest
    @ValueSource(ints = {120, 200, 350, 600})
    void invariantsHoldOnTheHeldOutArticles(int cap) {
        assertInvariants(Corpus.load(Corpus.HELD_OUT), cap);
    }

    /** Every summary is in the article's language and not empty, whatever the cap. */
    @Test
    void summariesStayInTheArticlesLanguage() {
        for (Corpus.Article a : Corpus.load(Corpus.HELD_OUT)) {
            String summary = summarizer.summarize(a.title(), TextNormalizer.normalize(a.body()), a.lang());
            assertThat(LanguageDetector.detect(summary)).as(a.name() + ": " + summary).isEqualTo(a.lang());
        }
    }

    private static void assertInvariants(List<Corpus.Article> articles, int cap) {
        Summarizer s = new Summarizer(cap);
        for (Corpus.Article a : articles) {
            String body = TextNormalizer.normalize(a.body());
            String summary = s.summarize(a.title(), body, a.lang());
            String where = a.name() + " @" + cap + ": " + summary;
            assertThat(summary.length()).as(where).isLessThanOrEqualTo(cap).isPositive();
            String lower = summary.toLowerCase(Locale.ROOT);
            for (String credit : List.of("сурет:", "фото:", "photo:", "photo credit", "толығырақ", "подробнее", "read more")) {
                assertThat(lower).as(where).doesNotContain(credit);
            }
            List<String> sentences = s.storySentences(body, a.lang());
            String lead = sentences.get(0);
            if (summary.endsWith("…") && !sentences.contains(summary)) {
                // lead longer than the cap: cut at a word boundary
                String head = summary.substring(0, summary.length() - 1);
                assertThat(lead).as(where).startsWith(head);
                assertThat(lead.charAt(head.length())).as(where).isIn(' ', ',', ';', ':');
            } else {
                assertThat(summary).as(where + " starts with the lead").startsWith(lead);
                assertThat(wholeSentencesInOrder(summary, sentences)).as(where).isTrue();
            }
        }
    }

    @Test
    void dropsCreditsDatelinesAndReadMore() {
        String body = String.join("\n",
                "Photo: Akorda press service",
                "ASTANA – Kazakhstan and Qatar signed five agreements on investment and energy during the talks in Astana.",
                "Read more: astanatimes.com");
        assertThat(summarizer.summarize("Kazakhstan, Qatar sign agreements", body, "en"))
                .isEqualTo("Kazakhstan and Qatar signed five agreements on investment and energy during the talks in Astana.");
        String kk = "АСТАНА. KAZINFORM – Мемлекет басшысы Қатар Әмірімен телефон арқылы сөйлесті, деп хабарлайды Ақорданың баспасөз қызметі.\nСурет: akorda.kz";
        assertThat(summarizer.summarize("Тоқаев Қатар Әмірімен сөйлесті", kk, "kk"))
                .isEqualTo("Мемлекет басшысы Қатар Әмірімен телефон арқылы сөйлесті, деп хабарлайды Ақорданың баспасөз қызметі.");
    }

    @Test
    void dropsADatelineOfSeveralWordsInCapitals() {
        String body = "NEW YORK – Kazakhstan's Permanent Representative addressed the UN Security Council on nuclear disarmament.";
        assertThat(summarizer.summarize("Kazakhstan at the UN", body, "en"))
                .isEqualTo("Kazakhstan's Permanent Representative addressed the UN Security Council on nuclear disarmament.");
        String ru = "НЬЮ-ЙОРК, 23 сентября – Постоянный представитель Казахстана выступил в Совете Безопасности ООН.";
        assertThat(summarizer.summarize("Казахстан в ООН", ru, "ru"))
                .isEqualTo("Постоянный представитель Казахстана выступил в Совете Безопасности ООН.");
        String notDateline = "UN Security Council – a body of fifteen members – met on Monday to discuss the situation.";
        assertThat(summarizer.summarize("UN", notDateline, "en")).isEqualTo(notDateline);
    }

    @Test
    void skipsARedundantSentence() {
        String body = "Kazakhstan and Qatar signed an investment agreement worth five billion dollars in Doha.\n"
                + "An investment agreement worth five billion dollars was signed by Kazakhstan and Qatar in Doha.\n"
                + "The deal covers renewable energy plants in the Mangystau region.";
        String summary = new Summarizer(400).summarize("Kazakhstan and Qatar sign deal", body, "en");
        assertThat(summary).contains("renewable energy").doesNotContain("was signed by");
    }

    @Test
    void emptyBodyGivesEmptySummary() {
        assertThat(summarizer.summarize("Title", "", "en")).isEmpty();
        assertThat(summarizer.summarize("Title", "Сурет: gov.kz", "kk")).isEmpty();
    }

    private static boolean wholeSentencesInOrder(String summary, List<String> sentences) {
        int at = 0;
        int from = 0;
        while (at < summary.length()) {
            boolean found = false;
            for (int i = from; i < sentences.size(); i++) {
                if (summary.startsWith(sentences.get(i), at)) {
                    at += sentences.get(i).length();
                    if (at < summary.length() && summary.charAt(at) == ' ') {
                        at++;
                    }
                    from = i + 1;
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
