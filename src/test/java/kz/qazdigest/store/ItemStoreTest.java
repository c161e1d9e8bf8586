package kz.qazdigest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import kz.qazdigest.text.Analysis;
import kz.qazdigest.topic.TopicMatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemStoreTest {
    static final Instant NOW = Instant.parse("2025-11-25T06:00:00Z");
    static final Analysis NONE = new Analysis("other", List.of(), "");

    @TempDir
    Path dir;
    Database db;
    FeedStore feeds;
    ItemStore items;
    Feed kk;
    Feed ru;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("q.db"));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        feeds = new FeedStore(db, clock);
        items = new ItemStore(db, clock);
        feeds.importOutlines(List.of(new FeedOutline("https://a.kz/rss", "rss", "A", "kk", null, null),
                new FeedOutline("https://b.kz/rss", "rss", "B", "ru", null, null)));
        kk = feeds.active().get(0);
        ru = feeds.active().get(1);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static AnalyzedEntry entry(String guid, String link, String title, String body) {
        return entry(guid, link, title, body, NONE);
    }

    static AnalyzedEntry entry(String guid, String link, String title, String body, Analysis analysis) {
        return new AnalyzedEntry(guid, link, link == null ? null : link.toLowerCase(), title, body, NOW.minusSeconds(600), analysis);
    }

    @Test
    void storesNewItemsWithTopicsAndReturnsThem() {
        Analysis qatar = new Analysis("kk", List.of(new TopicMatch("qatar", List.of("Қатар", "Қатардың")),
                new TopicMatch("visits", List.of("сапар"))), "Қазақстан мен Қатар...");
        List<Item> fresh = items.insertNew(kk, List.of(entry("g1", "https://a.kz/1", "Доха форумы", "Қатар мәтін", qatar)));

        assertThat(fresh).hasSize(1);
        Item item = items.byId(fresh.get(0).id()).orElseThrow();
        assertThat(item).isEqualTo(fresh.get(0));
        assertThat(item.lang()).isEqualTo("kk");
        assertThat(item.summary()).isEqualTo("Қазақстан мен Қатар...");
        assertThat(item.fetchedAt()).isEqualTo(NOW);
        assertThat(item.topics()).containsExactly(new TopicMatch("qatar", List.of("Қатар", "Қатардың")),
                new TopicMatch("visits", List.of("сапар")));
    }

    @Test
    void anUnknownLanguageFallsBackToTheFeedsAndABlankSummaryIsNull() {
        Item item = items.insertNew(ru, List.of(entry("g1", "https://b.kz/1", "Заголовок", "Текст"))).get(0);
        assertThat(item.lang()).isEqualTo("ru");
        assertThat(item.summary()).isNull();
        assertThat(item.topics()).isEmpty();
    }

    @Test
    void anItemIsNewOnlyIfGuidUrlAndContentAreAllUnseen() {
        items.insertNew(kk, List.of(entry("g1", "https://a.kz/1", "Title one", "Body one")));

        assertThat(items.insertNew(kk, List.of(entry("g1", "https://a.kz/other", "Other", "Other body")))).isEmpty(); // guid
        assertThat(items.insertNew(kk, List.of(entry("g2", "https://a.kz/1", "Edited title", "Body")))).isEmpty(); // url
        assertThat(items.insertNew(kk, List.of(entry("g3", "https://a.kz/3", "TITLE one!", "Body  one.")))).isEmpty(); // content
        assertThat(items.insertNew(ru, List.of(entry("g1", "https://b.kz/1", "B title", "B body")))).hasSize(1); // guid is per feed
        assertThat(items.count()).isEqualTo(2);
    }

    @Test
    void theSameStoryInTwoFeedsIsStoredOnce() {
        assertThat(items.insertNew(kk, List.of(entry(null, "https://x.kz/story", "Story", "Text")))).hasSize(1);
        assertThat(items.insertNew(ru, List.of(entry(null, "https://x.kz/story", "Story", "Text")))).isEmpty();
    }

    @Test
    void aBatchWithInternalDuplicatesInsertsOne() {
        List<Item> fresh = items.insertNew(kk, List.of(
                entry("g1", "https://a.kz/1", "Same", "Same body"),
                entry("g2", "https://a.kz/2", "Same", "Same body"),
                entry("g3", "https://a.kz/3", "Different", "Another body")));
        assertThat(fresh).extracting(Item::guid).containsExactly("g1", "g3");
    }

    @Test
    void itemsWithoutGuidOrLinkDedupByContent() {
        assertThat(items.insertNew(kk, List.of(entry(null, null, "No link", "Body"), entry(null, null, "No link", "Body")))).hasSize(1);
    }

    @Test
    void recentByTopicsFindsNewestFirst() {
        Analysis qatar = new Analysis("kk", List.of(new TopicMatch("qatar", List.of("Қатар"))), "s");
        Analysis spain = new Analysis("kk", List.of(new TopicMatch("spain", List.of("Испания"))), "s");
        items.insertNew(kk, List.of(
                new AnalyzedEntry("old", "https://a.kz/old", null, "Old Qatar", "x", NOW.minusSeconds(7200), qatar),
                new AnalyzedEntry("new", "https://a.kz/new", null, "New Qatar", "y", NOW.minusSeconds(60), qatar),
                new AnalyzedEntry("es", "https://a.kz/es", null, "Spain", "z", NOW.minusSeconds(30), spain)));

        assertThat(items.recentByTopics(Set.of("qatar"), NOW.minusSeconds(86400), 10)).extracting(Item::title)
                .containsExactly("New Qatar", "Old Qatar");
        assertThat(items.recentByTopics(Set.of("qatar", "spain"), NOW.minusSeconds(3600), 10)).extracting(Item::title)
                .containsExactly("Spain", "New Qatar");
        assertThat(items.recentByTopics(Set.of("china"), NOW.minusSeconds(86400), 10)).isEmpty();
        assertThat(items.recent(NOW.minusSeconds(86400), 2)).extracting(Item::title).containsExactly("Spain", "New Qatar");
    }
}
