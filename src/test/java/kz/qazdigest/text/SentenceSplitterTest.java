package kz.qazdigest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each row: text => expected sentences joined by "||". */
class SentenceSplitterTest {

    @ParameterizedTest(name = "kk: {0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '\'', textBlock = """
            Ә.Бақаев кездесті. Келіссөздер өтті.                 => Ә.Бақаев кездесті. || Келіссөздер өтті.
            Қ. Тоқаев сөз сөйледі. Форум жабылды.                => Қ. Тоқаев сөз сөйледі. || Форум жабылды.
            Н.Ә. Назарбаев қатысты. Іс-шара аяқталды.           => Н.Ә. Назарбаев қатысты. || Іс-шара аяқталды.
            Сауда, инвестиция т.б. салалар қаралды. Тараптар келісті. => Сауда, инвестиция т.б. салалар қаралды. || Тараптар келісті.
            Ұн, жүгері т.б. Келесі жүк наурызда жіберіледі.     => Ұн, жүгері т.б. || Келесі жүк наурызда жіберіледі.
            2024 ж. 5 наурызда келісім жасалды. Ол күшіне енді.  => 2024 ж. 5 наурызда келісім жасалды. || Ол күшіне енді.
            1991-2024 жж. Қазақстан 100-ден астам елмен байланыс орнатты. => 1991-2024 жж. Қазақстан 100-ден астам елмен байланыс орнатты.
            Тауар айналымы 2.5 млрд долларға жетті. Бұл рекорд.  => Тауар айналымы 2.5 млрд долларға жетті. || Бұл рекорд.
            Форум «Әділеттілік. Прогресс. Ынтымақ» тақырыбында өтті. Келесі жылы да өтеді. => Форум «Әділеттілік. Прогресс. Ынтымақ» тақырыбында өтті. || Келесі жылы да өтеді.
            «Біз дайынбыз!» – деді министр. Сапар аяқталды.      => «Біз дайынбыз!» – деді министр. || Сапар аяқталды.
            Неге? Себебі бұл маңызды… Иә, солай.                  => Неге? || Себебі бұл маңызды… || Иә, солай.
            Сурет: gov.kz                                        => Сурет: gov.kz
            """)
    void kazakh(String text, String expected) {
        check(text, "kk", expected);
    }

    @ParameterizedTest(name = "ru: {0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '\'', textBlock = """
            В 2024 г. Президент посетил Доху. Визит прошел успешно. => В 2024 г. Президент посетил Доху. || Визит прошел успешно.
            Встреча прошла в г. Астане. Стороны договорились.   => Встреча прошла в г. Астане. || Стороны договорились.
            Университет им. Аль-Фараби принял делегацию. Она прибыла вчера. => Университет им. Аль-Фараби принял делегацию. || Она прибыла вчера.
            Обсуждены торговля, энергетика и т.д. Далее выступил министр. => Обсуждены торговля, энергетика и т.д. || Далее выступил министр.
            Это т.е. важный шаг. Да.                            => Это т.е. важный шаг. || Да.
            Выступил проф. Иванов. Затем был перерыв.            => Выступил проф. Иванов. || Затем был перерыв.
            Рост составил 2,5%. Это много.                       => Рост составил 2,5%. || Это много.
            Стоимость 5 млн. руб. за тонну. Цена выросла.        => Стоимость 5 млн. руб. за тонну. || Цена выросла.
            В 1990-х гг. ситуация изменилась. Сейчас иначе.     => В 1990-х гг. ситуация изменилась. || Сейчас иначе.
            Он сказал: «Мы готовы. Мы ждем». Встреча завершилась. => Он сказал: «Мы готовы. Мы ждем». || Встреча завершилась.
            Министр заявил: "Переговоры завершены. Итоги позже". Пресс-служба подтвердила. => Министр заявил: "Переговоры завершены. Итоги позже". || Пресс-служба подтвердила.
            """)
    void russian(String text, String expected) {
        check(text, "ru", expected);
    }

    @ParameterizedTest(name = "en: {0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '\'', textBlock = """
            Mr. Tokayev met Dr. Smith. They talked.               => Mr. Tokayev met Dr. Smith. || They talked.
            K.Tokayev arrived. The talks began.                   => K.Tokayev arrived. || The talks began.
            K. Tokayev arrived in Doha. The talks began.          => K. Tokayev arrived in Doha. || The talks began.
            The U.S. State Department agreed. Talks follow.       => The U.S. State Department agreed. || Talks follow.
            The U.N. Secretary-General spoke. Delegates listened. => The U.N. Secretary-General spoke. || Delegates listened.
            Goods, e.g. grain and oil, were shipped. Trade grew.   => Goods, e.g. grain and oil, were shipped. || Trade grew.
            Oil, gas, metals, etc. Exports rose by 2.5 percent.    => Oil, gas, metals, etc. || Exports rose by 2.5 percent.
            The summit opened on Jan. 5 in Astana. It lasted two days. => The summit opened on Jan. 5 in Astana. || It lasted two days.
            Resolution No. 2231 was cited. Members voted.         => Resolution No. 2231 was cited. || Members voted.
            He said "we are ready. We will sign." Then he left.    => He said "we are ready. We will sign." || Then he left.
            Really? Yes! It happened...                            => Really? || Yes! || It happened...
            Mrs. Smith, i.e. the envoy, arrived. Talks began.      => Mrs. Smith, i.e. the envoy, arrived. || Talks began.
            """)
    void english(String text, String expected) {
        check(text, "en", expected);
    }

    @org.junit.jupiter.api.Test
    void paragraphsAlwaysEndSentencesAndAnOpenQuoteDoesNotSwallowTheNextOne() {
        assertThat(SentenceSplitter.split("Заголовок без точки\nОн сказал: «начало цитаты. Конец абзаца\nНовый абзац. Ещё.", "ru"))
                .containsExactly("Заголовок без точки", "Он сказал: «начало цитаты. Конец абзаца", "Новый абзац.", "Ещё.");
    }

    private static void check(String text, String lang, String expected) {
        String[] sentences = Arrays.stream(expected.split("\\|\\|")).map(String::trim).toArray(String[]::new);
        assertThat(SentenceSplitter.split(text.trim(), lang)).containsExactly(sentences);
    }
}
