package kz.qazdigest.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Доха форумы: Қазақстан халықаралық ынтымақтастықты нығайтуға өз үлесін қосуда | kk
            Тоқаев Бейжіңге барады                                                     | kk
            Астана мен Мадрид арасындағы байланыс                                      | kk
            Президент сапар туралы                                                     | kk
            Қазақстан және Катар                                                       | kk
            Президент Казахстана посетил Катар                                         | ru
            Әлібек Бақаев принял участие в работе форума в Дохе                        | ru
            Токаев принял Бақаева                                                      | ru
            Встреча с послом Италии                                                    | ru
            Kazakhstan and Qatar agree to expand cooperation                           | en
            Tokayev meets Qatari emir                                                  | en
            Türkiye ile Kazakistan arasında yeni anlaşma imzalandı                     | other
            Україна і Казахстан підписали угоду про співпрацю                           | other
            2025                                                                       | other
            """)
    void detects(String text, String lang) {
        assertThat(LanguageDetector.detect(text)).isEqualTo(lang);
    }

    @org.junit.jupiter.api.Test
    void emptyTextIsOther() {
        assertThat(LanguageDetector.detect("")).isEqualTo("other");
        assertThat(LanguageDetector.detect(null)).isEqualTo("other");
    }
}
