package kz.qazdigest.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import kz.qazdigest.delivery.OutgoingMessage;
import kz.qazdigest.i18n.Messages;
import kz.qazdigest.testing.TelegramHtml;
import kz.qazdigest.testing.TestTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestRendererTest {
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    static final long NOON_ALMATY = ZonedDateTime.of(2026, 3, 10, 12, 5, 0, 0, ALMATY).toInstant().toEpochMilli();
    final TestTopics topics = new TestTopics();
    final DigestRenderer renderer = new DigestRenderer(topics);
    final DigestPlanner planner = new DigestPlanner(topics);

    static DigestItem item(long id, String title, String link, String summary, String... topics) {
        return new DigestItem(id, "Kazinform", "kk", title, link, summary, NOON_ALMATY - id * 60_000, null, List.of(topics));
    }

    List<DigestRenderer.Part> render(List<DigestItem> items, String lang) {
        return render(renderer, items, lang);
    }

    List<DigestRenderer.Part> render(DigestRenderer r, List<DigestItem> items, String lang) {
        DigestPlan plan = planner.plan(StoryIndex.of(items), lang, planner.ordered(List.of("qatar", "spain", "trade")));
        List<DigestRenderer.Part> parts = r.render(plan, lang, ALMATY);
        for (DigestRenderer.Part part : parts) {
            OutgoingMessage m = part.message();
            assertThat(m.format()).isEqualTo(OutgoingMessage.TextFormat.HTML);
            assertThat(m.linkPreview()).isFalse();
            assertThat(TelegramHtml.problems(m.text())).as(m.text()).isEmpty();
        }
        return parts;
    }

    @Test
    void showsLinkedTitleSourceLocalTimeAndSummaryUnderTopicNamesInTheChatsLanguage() {
        List<DigestRenderer.Part> parts = render(List.of(
                item(1, "Тоқаев Катар әмірімен кездесті", "https://kazinform.kz/kz/a-1", "Екі ел серіктестікті талқылады.", "qatar"),
                item(2, "Испаниямен сауда өсті", "https://kazinform.kz/kz/a-2", "Тауар айналымы 20%-ға өсті.", "spain", "trade")), "kk");
        assertThat(parts).hasSize(1);
        String text = parts.get(0).message().text();
        assertThat(text).startsWith("<b>" + new Messages("digest").get("kk", "header", 2) + "</b>");
        assertThat(text).contains("<b>Қатар</b>\n\n<a href=\"https://kazinform.kz/kz/a-1\">Тоқаев Катар әмірімен кездесті</a>\n"
                + "<i>Kazinform · 10.03.2026 12:04</i>\nЕкі ел серіктестікті талқылады.");
        assertThat(text).contains("<b>Испания</b>").doesNotContain("Сауда"); // item 2 only under its first topic
        assertThat(parts.get(0).itemIds()).containsExactlyInAnyOrder(1L, 2L);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Tokayev & Emir: \"strategic\" <partners>",
            "<b>unbalanced bold",
            "closing only</i></b>",
            "<script>alert('x')</script>",
            "AT&T &amp; &lt;already escaped&gt; &nbsp;",
            "<a href=\"javascript:alert(1)\">click</a>",
            "Line\nbreak\tand\u0000control"})
    void escapesHostileFeedText(String hostile) {
        List<DigestRenderer.Part> parts = render(List.of(
                item(1, hostile, "https://example.kz/a?x=1&y=\"2\"", hostile, "qatar"),
                new DigestItem(2, hostile, "en", "title", "https://example.kz/b", "s", NOON_ALMATY, null, List.of("trade"))), "en");
        String text = parts.get(0).message().text();
        assertThat(text).doesNotContain("<script").doesNotContain("<b>unbalanced").doesNotContain("javascript:alert(1)\">click");
        assertThat(text).contains("Trade &amp; &lt;Economy&gt;"); // the topic name is escaped too
        assertThat(text).contains("href=\"https://example.kz/a?x=1&amp;y=&quot;2&quot;\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>", "/relative/path", "ftp://x.kz/a"})
    void dropsLinksThatAreNotHttp(String link) {
        String text = render(List.of(item(1, "Title", link, "s", "qatar")), "en").get(0).message().text();
        assertThat(text).doesNotContain("<a ").contains("<b>Title</b>");
    }

    @Test
    void splitsBetweenItemsUnder4096Utf16UnitsWithKazakhTextAndEmoji() {
        String summary = "Қазақстан мен Қатар 🇰🇿🤝🇶🇦 арасындағы ынтымақтастық күшейіп келеді, екі ел үкіметтері жаңа келісімдерге қол қойды. ";
        List<DigestItem> items = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            items.add(item(i, "Ә ғ қ ң ө ұ ү һ і — жаңалық №" + i + " 😀", "https://kazinform.kz/kz/n-" + i,
                    summary.repeat(1 + i % 4), i % 3 == 0 ? "spain" : "qatar"));
        }
        List<DigestRenderer.Part> parts = render(items, "kk");
        assertThat(parts.size()).isGreaterThan(3);
        for (DigestRenderer.Part part : parts) {
            assertThat(part.message().text().length()).isLessThanOrEqualTo(4096); // String.length() counts UTF-16 units
        }
        // every item exactly once, none cut between two messages
        assertThat(parts.stream().flatMap(p -> p.itemIds().stream()).toList())
                .containsExactlyInAnyOrderElementsOf(items.stream().map(DigestItem::id).toList());
        for (DigestItem it : items) {
            assertThat(parts.stream().filter(p -> p.message().text().contains(">" + Html.escape(it.title()) + "</a>")).count())
                    .as("item %d", it.id()).isEqualTo(1);
        }
        // a continued section repeats its heading
        assertThat(parts.get(1).message().text()).startsWith("<b>Қатар</b> (жалғасы)");
    }

    @Test
    void emojiAtTheSplitPointIsNeverCutInHalf() {
        // pack parts right up to a small limit with surrogate pairs everywhere
        DigestRenderer small = new DigestRenderer(topics, new Messages("digest"), 300);
        List<DigestItem> items = IntStream.rangeClosed(1, 30).mapToObj(i -> item(i, "😀".repeat(i % 7 + 1) + " № " + i,
                "https://x.kz/" + i, "🇰🇿".repeat(i * 3), "qatar")).toList();
        for (DigestRenderer.Part part : render(small, items, "ru")) {
            String text = part.message().text();
            assertThat(text.length()).isLessThanOrEqualTo(300);
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (Character.isHighSurrogate(ch)) {
                    assertThat(Character.isLowSurrogate(text.charAt(i + 1))).isTrue();
                } else if (Character.isLowSurrogate(ch)) {
                    assertThat(Character.isHighSurrogate(text.charAt(i - 1))).isTrue();
                }
            }
        }
    }

    @Test
    void shortensASingleOverlongItemAtAWordBoundaryOutsideTagsAndEntities() {
        String summary = "Тоқаев & Әмір <келісім> \"маңызды\" 🇰🇿 ".repeat(400); // ~15,000 units, entities everywhere
        String title = "Ұзақ & <тақырып> ".repeat(20);
        List<DigestRenderer.Part> parts = render(List.of(item(1, title, "https://kazinform.kz/kz/long", summary, "qatar"),
                item(2, "Short one", "https://kazinform.kz/kz/short", "ok", "qatar")), "kk");
        String first = parts.get(0).message().text();
        assertThat(first.length()).isLessThanOrEqualTo(4096).isGreaterThan(3500);
        assertThat(first).contains("Ұзақ &amp; &lt;тақырып&gt;");
        assertThat(first).endsWith("…");
        assertThat(first.substring(0, first.length() - 1)).matches("(?s).*(;|[^\\s&;]+)$");
        assertThat(parts.stream().flatMap(p -> p.itemIds().stream()).toList()).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void anItemWhoseTitleAloneIsTooLongKeepsItsLinkAndAShortenedTitle() {
        String title = "Қатар ".repeat(2000);
        String text = render(List.of(item(1, title, "https://kazinform.kz/kz/t", "summary", "qatar")), "ru").get(0).message().text();
        assertThat(text.length()).isLessThanOrEqualTo(4096);
        assertThat(text).contains("<a href=\"https://kazinform.kz/kz/t\">Қатар Қатар").contains("…</a>");
    }
}
