package kz.qazdigest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedStoreTest {
    static final Instant NOW = Instant.parse("2025-11-25T06:00:00Z");

    @TempDir
    Path dir;
    Database db;
    FeedStore feeds;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("q.db"));
        feeds = new FeedStore(db, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    Path opml(String outlines) throws Exception {
        Path file = dir.resolve("feeds.opml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head><title>test feeds</title></head>
                  <body>
                    <outline text="Kazakh">
                %s
                    </outline>
                  </body>
                </opml>
                """.formatted(outlines));
        return file;
    }

    @Test
    void importsOutlinesWithTheirAttributes() throws Exception {
        FeedStore.ImportReport report = feeds.importOpml(opml("""
                <outline type="rss" text="Kazinform (kk)" xmlUrl="https://www.inform.kz/rss/kaz.xml" language="kk" fullText="always"/>
                <outline type="rss" text="The Astana Times" xmlUrl="https://astanatimes.com/feed/" lang="EN" extraHosts="cdn.astanatimes.com"/>
                <outline type="govkz" text="MFA press" xmlUrl="https://www.gov.kz/memleket/entities/mfa/press/news"/>
                """));

        assertThat(report).isEqualTo(new FeedStore.ImportReport(3, 0, 0));
        List<Feed> all = feeds.active();
        assertThat(all).extracting(Feed::url, Feed::kind, Feed::title, Feed::lang, Feed::fullText, Feed::extraHosts).containsExactly(
                org.assertj.core.groups.Tuple.tuple("https://www.inform.kz/rss/kaz.xml", "rss", "Kazinform (kk)", "kk", "always", null),
                org.assertj.core.groups.Tuple.tuple("https://astanatimes.com/feed/", "rss", "The Astana Times", "en", "auto", "cdn.astanatimes.com"),
                org.assertj.core.groups.Tuple.tuple("https://www.gov.kz/memleket/entities/mfa/press/news", "govkz", "MFA press", null, "auto", null));
        assertThat(all).allSatisfy(f -> {
            assertThat(f.addedAt()).isEqualTo(NOW);
            assertThat(f.nextPollAt()).isEqualTo(Instant.EPOCH);
        });
        assertThat(feeds.due(NOW)).extracting(Feed::kind).containsOnly("rss").hasSize(2);
    }

    @Test
    void reReadingAddsNewKeepsKnownAndDoesNotReviveRemoved() throws Exception {
        feeds.importOpml(opml("""
                <outline type="rss" text="A" xmlUrl="https://a.kz/rss"/>
                <outline type="rss" text="B" xmlUrl="https://b.kz/rss"/>
                """));
        Feed b = feeds.active().get(1);
        assertThat(feeds.remove(b.id())).isTrue();
        feeds.markFailure(feeds.active().get(0).id(), 500, "fetcher: HTTP 500 Internal Server Error", NOW, NOW.plusSeconds(60));

        FeedStore.ImportReport report = feeds.importOpml(opml("""
                <outline type="rss" text="A renamed" xmlUrl="https://a.kz/rss"/>
                <outline type="rss" text="B" xmlUrl="https://b.kz/rss"/>
                <outline type="rss" text="C" xmlUrl="https://c.kz/rss"/>
                """));

        assertThat(report).isEqualTo(new FeedStore.ImportReport(1, 1, 1));
        assertThat(feeds.active()).extracting(Feed::url).containsExactly("https://a.kz/rss", "https://c.kz/rss");
        Feed a = feeds.active().get(0);
        assertThat(a.title()).isEqualTo("A");
        assertThat(a.failures()).isEqualTo(1); // its health survived the re-read
        assertThat(feeds.byId(b.id())).get().extracting(Feed::removedAt).isEqualTo(NOW);
    }

    @Test
    void anAdminCanAddBackARemovedFeed() throws Exception {
        feeds.importOpml(opml("<outline type=\"rss\" text=\"A\" xmlUrl=\"https://a.kz/rss\"/>"));
        long id = feeds.active().get(0).id();
        feeds.remove(id);
        Feed again = feeds.add("https://a.kz/rss", null);
        assertThat(again.id()).isEqualTo(id);
        assertThat(again.active()).isTrue();
        assertThat(feeds.remove(id)).isTrue();
        assertThat(feeds.remove(id)).isFalse();
    }

    @Test
    void healthColumnsFollowThePolls() throws Exception {
        feeds.importOpml(opml("<outline type=\"rss\" xmlUrl=\"https://a.kz/rss\"/>"));
        long id = feeds.active().get(0).id();

        feeds.markFailure(id, 0, "fetcher: cannot fetch https://a.kz/rss: connection refused", NOW, NOW.plusSeconds(1200));
        feeds.markFailure(id, 503, "fetcher: HTTP 503 Service Unavailable", NOW.plusSeconds(1200), NOW.plusSeconds(3600));
        Feed failing = feeds.byId(id).orElseThrow();
        assertThat(failing.failures()).isEqualTo(2);
        assertThat(failing.lastStatus()).isEqualTo(503);
        assertThat(failing.lastError()).isEqualTo("fetcher: HTTP 503 Service Unavailable");
        assertThat(failing.lastSuccessAt()).isNull();
        assertThat(feeds.due(NOW.plusSeconds(3599))).isEmpty();
        assertThat(feeds.due(NOW.plusSeconds(3600))).hasSize(1);

        feeds.markSuccess(id, 200, "\"v1\"", "Tue, 25 Nov 2025 05:15:00 GMT", "Feed title", NOW.plusSeconds(3600), NOW.plusSeconds(4200));
        Feed ok = feeds.byId(id).orElseThrow();
        assertThat(ok.failures()).isZero();
        assertThat(ok.lastError()).isNull();
        assertThat(ok.title()).isEqualTo("Feed title");
        assertThat(ok.etag()).isEqualTo("\"v1\"");
        assertThat(ok.lastSuccessAt()).isEqualTo(NOW.plusSeconds(3600));

        feeds.markChecked(id, 304, "\"v1\"", null, NOW.plusSeconds(4200), NOW.plusSeconds(4800));
        assertThat(feeds.byId(id).orElseThrow()).extracting(Feed::lastStatus, Feed::nextPollAt).containsExactly(304, NOW.plusSeconds(4800));
    }

    @Test
    void aBrokenOpmlNamesTheFile() throws Exception {
        Path bad = dir.resolve("bad.opml");
        Files.writeString(bad, "<opml><body><outline xmlUrl=");
        assertThatThrownBy(() -> feeds.importOpml(bad)).isInstanceOf(StoreException.class).hasMessageStartingWith("opml: cannot read " + bad);
        assertThatThrownBy(() -> feeds.importOpml(opml("<outline type=\"rss\" xmlUrl=\"javascript:alert(1)\"/>")))
                .hasMessageContaining("is not an http(s) URL");
    }
}
