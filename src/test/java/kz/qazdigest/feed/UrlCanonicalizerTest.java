package kz.qazdigest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlCanonicalizerTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            HTTPS://WWW.Inform.KZ/ru/article-1                          | https://www.inform.kz/ru/article-1
            https://www.inform.kz:443/ru/article-1                      | https://www.inform.kz/ru/article-1
            http://tengrinews.kz:80/news/                               | http://tengrinews.kz/news
            http://127.0.0.1:8080/feed                                  | http://127.0.0.1:8080/feed
            https://astanatimes.com                                     | https://astanatimes.com/
            https://astanatimes.com/                                    | https://astanatimes.com/
            https://astanatimes.com/2025/11/story/#comments             | https://astanatimes.com/2025/11/story
            https://x.kz/a?utm_source=tg&utm_medium=social&id=5         | https://x.kz/a?id=5
            https://x.kz/a?fbclid=IwAR0&gclid=1&yclid=2&_openstat=3     | https://x.kz/a
            https://x.kz/a?mc_cid=1&mc_eid=2&igshid=3&ref_src=twsrc     | https://x.kz/a
            https://x.kz/a?b=2&a=1                                      | https://x.kz/a?a=1&b=2
            https://x.kz/a?a=1&&b=2&                                    | https://x.kz/a?a=1&b=2
            https://x.kz/a?UTM_Campaign=x&page=2                        | https://x.kz/a?page=2
            https://user:pw@x.kz/a                                      | https://x.kz/a
            https://x.kz/Path/With/Case                                 | https://x.kz/Path/With/Case
            https://x.kz/новости/статья                                 | https://x.kz/новости/статья
            https://x.kz/a%20b                                          | https://x.kz/a%20b
            ftp://x.kz/file                                             | NULL
            /relative/path                                              | NULL
            'not a url at all {}'                                       | NULL
            """)
    void canonicalForms(String input, String expected) {
        assertThat(UrlCanonicalizer.canonical(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://en.inform.kz/news/x/?utm_source=rss&utm_medium=feed | https://EN.inform.kz/news/x?fbclid=IwAR0xyz#comments
            https://x.kz/a?b=2&a=1                                      | https://x.kz:443/a/?a=1&b=2&gclid=9
            """)
    void trackedVariantsOfOneArticleAgree(String a, String b) {
        assertThat(UrlCanonicalizer.canonical(a)).isEqualTo(UrlCanonicalizer.canonical(b));
    }
}
