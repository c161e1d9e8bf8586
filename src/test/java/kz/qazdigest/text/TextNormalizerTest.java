package kz.qazdigest.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Latin i inside Kazakh words      | Сыртқы iстер министрi            | Сыртқы істер министрі
            Latin capital I                  | Iс-шара                          | Іс-шара
            schwa for ә                      | Əлібек Бақаев əріптестерімен     | Әлібек Бақаев әріптестерімен
            Khanty en for ң                  | Моӊғолия жаӊа деӊгейге           | Моңғолия жаңа деңгейге
            Latin a e o p c x y in Cyrillic  | Kaзaxcтaн Pеспубликаcы           | Казахстан Республикасы
            Latin words stay Latin           | Qatar iPhone Kazakhstan          | Qatar iPhone Kazakhstan
            Azerbaijani Latin schwa stays    | Əliyev                           | Əliyev
            soft hyphen removed              | Қа\u00ADзақ\u00ADстан            | Қазақстан
            NBSP and narrow NBSP to space    | 5\u00A0000 adam\u202Fкелді       | 5 000 adam келді
            spaces collapsed and trimmed     | '  Доха   форумы  '              | Доха форумы
            zero-width characters dropped    | Аста\u200Bна                     | Астана
            """)
    void repairs(String what, String input, String expected) {
        assertThat(TextNormalizer.normalize(unescape(input))).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void keepsParagraphBreaksAndShrinksBlankRuns() {
        assertThat(TextNormalizer.normalize("Бірінші  абзац.\r\n\r\n\r\n  Екінші абзац. \nҮшінші."))
                .isEqualTo("Бірінші абзац.\n\nЕкінші абзац.\nҮшінші.");
    }

    @org.junit.jupiter.api.Test
    void composesToNfc() {
        String decomposed = "и\u0306"; // и + combining breve
        assertThat(TextNormalizer.normalize(decomposed)).isEqualTo("й");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("\\u", i)) {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }
}
