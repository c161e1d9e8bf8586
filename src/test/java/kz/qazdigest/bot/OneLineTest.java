package kz.qazdigest.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneLineTest {
    @Test
    void lineBreaksAndRunsOfWhitespaceBecomeOneSpace() {
        assertThat(OneLine.of("  fetcher: HTTP 500\r\n\tInternal\u00a0 Server Error \n", 100))
                .isEqualTo("fetcher: HTTP 500 Internal Server Error");
    }

    @Test
    void controlAndBidiCharactersAreDropped() {
        assertThat(OneLine.of("error\u0000 in \u202Egnp.exe\u202C\u200B and \u001b[31mred", 100))
                .isEqualTo("error in gnp.exe and [31mred");
    }

    @Test
    void longTextIsCutByCodePointsNeverInsideAPair() {
        assertThat(OneLine.of("😀".repeat(10), 4)).isEqualTo("😀😀😀😀…");
        assertThat(OneLine.of("abc def", 4)).isEqualTo("abc…");
        assertThat(OneLine.of("abcd", 4)).isEqualTo("abcd");
        assertThat(OneLine.of(null, 4)).isEmpty();
    }
}
