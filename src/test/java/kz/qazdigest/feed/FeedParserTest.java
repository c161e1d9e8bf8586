package kz.qazdigest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParserTest {
    static final URI BASE = URI.create("https://feeds.example.org/rss.xml");
    final FeedParser parser = new FeedParser();

    ParsedFeed parse(String fixture, String contentType) throws FeedParseException {
        return parser.parse(FeedTestServer.fixture(fixture), contentType, BASE);
    }

    @Test
    void rss2PrefersContentEncodedAndCleansItsHtml() throws Exception {
        ParsedFeed feed = parse("rss2-kazinform-ru.xml", "application/rss+xml; charset=UTF-8");

        assertThat(feed.title()).isEqualTo("Kazinform — Новости Казахстана");
        assertThat(feed.ttl()).isNull();
        assertThat(feed.entries()).hasSize(3);
        ParsedEntry qatar = feed.entries().get(0);
        assertThat(qatar.guid()).isEqualTo("a4312001");
        assertThat(qatar.link()).isEqualTo("https://www.inform.kz/ru/tokaev-provel-telefonnyy-razgovor-s-emirom-katara-a4312001");
        assertThat(qatar.publishedAt()).isEqualTo(Instant.parse("2025-11-25T05:05:00Z"));
        assertThat(qatar.bodyText()).isEqualTo(String.join("\n",
                "Фото: Акорда",
                "АСТАНА. KAZINFORM – Глава государства Касым-Жомарт Токаев провел телефонный разговор с эмиром "
                        + "Государства Катар шейхом Тамимом бин Хамадом Аль Тани.",
                "Стороны обсудили ход реализации договоренностей, достигнутых в ходе государственного визита,",
                "а также перспективы инвестиционного сотрудничества «Казахстан – Катар».",
                "Лидеры договорились продолжить контакты на высшем уровне."));
        assertThat(qatar.bodyText()).doesNotContain("dataLayer", "promo", "youtube", "<");
    }

    @Test
    void rss2DescriptionWhenThereIsNoContent() throws Exception {
        ParsedEntry spain = parse("rss2-kazinform-ru.xml", null).entries().get(1);
        assertThat(spain.title()).isEqualTo("МИД РК: казахстанско-испанские консультации прошли в Мадриде");
        assertThat(spain.bodyText()).startsWith("В Мадриде состоялись").doesNotContain("<p>");
    }

    @Test
    void atomPrefersContentOverSummary() throws Exception {
        ParsedFeed feed = parse("atom-astanatimes.xml", "application/atom+xml");

        assertThat(feed.title()).isEqualTo("The Astana Times");
        ParsedEntry china = feed.entries().get(0);
        assertThat(china.title()).isEqualTo("Kazakhstan, China Sign Agreements on Middle Corridor Logistics");
        assertThat(china.guid()).isEqualTo("https://astanatimes.com/?p=101230");
        assertThat(china.link()).isEqualTo("https://astanatimes.com/2025/11/kazakhstan-china-sign-agreements-on-middle-corridor-logistics/");
        assertThat(china.publishedAt()).isEqualTo(Instant.parse("2025-11-25T05:45:00Z"));
        assertThat(china.bodyText().lines()).hasSize(3).first().asString().startsWith("ASTANA – Kazakhstan and China signed");
        assertThat(feed.entries().get(1).bodyText()).startsWith("Foreign Minister discussed");
    }

    @Test
    void atomWithoutPublishedFallsBackToUpdatedAndResolvesRelativeLinks() throws Exception {
        ParsedEntry entry = parse("atom-updated-only.xml", null).entries().get(0);
        assertThat(entry.publishedAt()).isEqualTo(Instant.parse("2025-11-25T03:30:00Z"));
        assertThat(entry.link()).isEqualTo("https://feeds.example.org/kz/memleket-basshysy-bua-bas-hatshysyn-kabyldady");
    }

    @Test
    void rss1RdfWithDublinCoreDates() throws Exception {
        ParsedFeed feed = parse("rss1-rdf-egemen.xml", "application/rdf+xml");
        assertThat(feed.entries()).extracting(ParsedEntry::title).containsExactly(
                "Қазақстан мен Қытай арасындағы сауда көлемі артты",
                "ШЫҰ саммитінде Қазақстан өңірлік қауіпсіздік мәселесін көтерді");
        assertThat(feed.entries().get(0).publishedAt()).isEqualTo(Instant.parse("2025-11-24T04:30:00Z"));
    }

    @Test
    void windows1251DeclaredInHeaderAndProlog() throws Exception {
        ParsedFeed feed = parse("win1251-tengrinews.xml", "application/rss+xml; charset=windows-1251");
        assertThat(feed.title()).isEqualTo("Tengrinews.kz - Новости Казахстана");
        assertThat(feed.ttl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(feed.entries().get(0).bodyText()).contains("«Соглашение вступит в силу после ратификации», — сообщили в МИД.");
    }

    @Test
    void windows1251BytesDeclaredAsUtf8AreStillRead() throws Exception {
        ParsedFeed feed = parse("wrong-charset-declared-utf8.xml", "text/xml");
        assertThat(feed.title()).isEqualTo("Kursiv — Новости (неверная кодировка)");
        assertThat(feed.entries().get(1).title()).isEqualTo("Послы стран ЕС встретились с бизнесом Алматы");
    }

    @Test
    void itemsWithoutGuidsUseTheirLinkAndUnparseableDatesComeBackNull() throws Exception {
        List<ParsedEntry> entries = parse("no-guids-no-dates.xml", null).entries();
        assertThat(entries).hasSize(3);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.guid()).isEqualTo(e.link());
            assertThat(e.publishedAt()).isNull();
        });
    }

    @Test
    void malformedXmlIsAParseException() {
        assertThatThrownBy(() -> parse("malformed-unclosed.xml", null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("parser: ")
                .message().doesNotContain("\n");
    }

    @Test
    void doctypesAreRefusedSoNoEntityIsExpanded() {
        byte[] xxe = FeedTestServer.fixture("xxe-canary.xml");
        assertThatThrownBy(() -> parser.parse(xxe, null, BASE))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void htmlTextKeepsParagraphsAndDropsMedia() {
        assertThat(HtmlText.toText("<p>One &amp; two</p><p>Three<br/>four</p><img src=x><script>x()</script>"))
                .isEqualTo("One & two\nThree\nfour");
        assertThat(HtmlText.toText("plain   text\n\n\nnext")).isEqualTo("plain text\nnext");
        assertThat(HtmlText.toLine("<b>Bold</b> &laquo;title&raquo;")).isEqualTo("Bold «title»");
        assertThat(HtmlText.toText(null)).isEmpty();
    }

    @Test
    void anEmptyBodyIsAParseException() {
        assertThatThrownBy(() -> parser.parse("".getBytes(StandardCharsets.UTF_8), null, BASE))
                .isInstanceOf(FeedParseException.class);
    }
}
