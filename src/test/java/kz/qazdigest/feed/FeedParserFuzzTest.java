package kz.qazdigest.feed;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Mangled feeds either parse or fail with FeedParseException; nothing else escapes the parser. */
class FeedParserFuzzTest {
    static final List<String> SEEDS = List.of("rss2-kazinform-ru.xml", "atom-astanatimes.xml", "rss1-rdf-egemen.xml",
            "win1251-tengrinews.xml", "no-guids-no-dates.xml", "xxe-canary.xml");
    static final String[] SNIPPETS = {"<", ">", "&", "&amp;", "&#0;", "&#xD800;", "]]>", "<![CDATA[", "<item>", "</channel>",
            "<!DOCTYPE x>", "<?xml version=\"1.0\" encoding=\"koi8-r\"?>", "\u0000", "\uFEFF", "<pubDate>32 Foo 99</pubDate>",
            "<content:encoded>", "<entry>", "<link href=\"::\"/>", "<link>javascript:alert(1)</link>", "<ttl>-5</ttl>",
            "<ttl>99999999999</ttl>", "<guid></guid>"};

    @Test
    void mangledFeedsNeverThrowAnythingButFeedParseException() {
        FeedParser parser = new FeedParser();
        Random random = new Random(20251125L); // fixed: a failure is reproducible
        URI base = URI.create("https://feeds.example.org/");
        for (int i = 0; i < 1500; i++) {
            byte[] seed = FeedTestServer.fixture(SEEDS.get(random.nextInt(SEEDS.size())));
            byte[] input = mangle(seed, random);
            assertThatCode(() -> {
                try {
                    parser.parse(input, random.nextBoolean() ? null : "text/xml; charset=utf-8", base);
                } catch (FeedParseException expected) {
                    // the one allowed failure
                }
            }).as("case %d: %s", i, new String(input, 0, Math.min(input.length, 120), StandardCharsets.UTF_8))
                    .doesNotThrowAnyException();
        }
    }

    private static byte[] mangle(byte[] seed, Random random) {
        byte[] out = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = out.length == 0 ? 0 : random.nextInt(out.length);
            switch (random.nextInt(5)) {
                case 0 -> out = Arrays.copyOf(out, at); // truncated download
                case 1 -> { // flipped bytes
                    for (int k = 0; k < 8 && at + k < out.length; k++) {
                        out[at + k] = (byte) random.nextInt(256);
                    }
                }
                case 2 -> { // a dropped range
                    int end = Math.min(out.length, at + random.nextInt(200));
                    byte[] cut = new byte[out.length - (end - at)];
                    System.arraycopy(out, 0, cut, 0, at);
                    System.arraycopy(out, end, cut, at, out.length - end);
                    out = cut;
                }
                default -> { // an inserted snippet
                    byte[] snippet = SNIPPETS[random.nextInt(SNIPPETS.length)].getBytes(StandardCharsets.UTF_8);
                    byte[] grown = new byte[out.length + snippet.length];
                    System.arraycopy(out, 0, grown, 0, at);
                    System.arraycopy(snippet, 0, grown, at, snippet.length);
                    System.arraycopy(out, at, grown, at + snippet.length, out.length - at);
                    out = grown;
                }
            }
        }
        return out;
    }
}
