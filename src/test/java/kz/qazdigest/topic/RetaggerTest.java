package kz.qazdigest.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import kz.qazdigest.store.AnalyzedEntry;
import kz.qazdigest.store.Database;
import kz.qazdigest.store.Feed;
import kz.qazdigest.store.FeedStore;
import kz.qazdigest.store.ItemStore;
import kz.qazdigest.text.Analysis;
import kz.qazdigest.text.ArticleAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetaggerTest {
    @TempDir
    Path dir;

    @Test
    void reTagsStoredItemsOnlyWhenTheTaxonomyChanges() {
        try (Database db = Database.open(dir.resolve("q.db"))) {
            Clock clock = Clock.systemUTC();
            ItemStore items = new ItemStore(db, clock);
            Feed feed = new FeedStore(db, clock).add("http://127.0.0.1:1/rss", "kk");
            items.insertNew(feed, List.of(new AnalyzedEntry("g1", "http://127.0.0.1:1/a", "http://127.0.0.1:1/a",
                    "Доха форумы", "Қатар астанасында", Instant.now(), new Analysis("kk", List.of(), "old"))));

            ArticleAnalyzer v1 = (title, body) -> new Analysis("kk", List.of(new TopicMatch("qatar", List.of("Қатар"))), "v1");
            assertThat(new Retagger(db, items, v1, "h1").retagIfTaxonomyChanged())
                    .as("first start records the hash; nothing to compare with").isZero();

            ArticleAnalyzer v2 = (title, body) -> new Analysis("kk",
                    List.of(new TopicMatch("qatar", List.of("Қатар")), new TopicMatch("multilateral", List.of("форумы"))), "v2");
            assertThat(new Retagger(db, items, v2, "h1").retagIfTaxonomyChanged()).as("same taxonomy").isZero();
            assertThat(new Retagger(db, items, v2, "h2").retagIfTaxonomyChanged()).isEqualTo(1);

            var item = items.page(0, 10).get(0);
            assertThat(item.topics()).extracting(TopicMatch::topicId).containsExactlyInAnyOrder("qatar", "multilateral");
            assertThat(item.summary()).isEqualTo("v2");
            assertThat(new Retagger(db, items, v2, "h2").retagIfTaxonomyChanged()).as("hash saved").isZero();
        }
    }
}
