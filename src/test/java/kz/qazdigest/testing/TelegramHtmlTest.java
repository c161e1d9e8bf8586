package kz.qazdigest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The validator itself: it must accept what Telegram accepts and catch what Telegram rejects. */
class TelegramHtmlTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "<b>Қатар</b> &amp; <i>Spain</i>",
            "<a href=\"https://kazinform.kz/ru/x?a=1&amp;b=2\">link</a>",
            "<span class=\"tg-spoiler\">s</span> <tg-spoiler>t</tg-spoiler> &#128512; &#x1F600; &quot;q&quot;",
            "<blockquote><b><i>nested</i></b></blockquote><pre><code class=\"language-java\">x</code></pre>",
            "plain text with emoji 🇰🇿 and ә ғ қ ң ө ұ ү һ і"})
    void acceptsTelegramHtml(String html) {
        assertThat(TelegramHtml.problems(html)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "a < b", "a > b", "Tom & Jerry", "&nbsp;", "<b>unclosed", "</b>", "<b><i>crossed</b></i>",
            "<script>alert(1)</script>", "<br>", "<p>para</p>", "<a href=\"javascript:alert(1)\">x</a>",
            "<a>no href</a>", "<b onclick=\"x\">b</b>", "<span>no class</span>",
            "<a href=\"https://x.kz/?a=1&b=2\">bare amp in href</a>"})
    void rejectsWhatTelegramRejects(String html) {
        assertThat(TelegramHtml.problems(html)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {4097, 5000})
    void rejectsOverlongMessages(int length) {
        assertThat(TelegramHtml.problems("x".repeat(length))).isNotEmpty();
    }
}
