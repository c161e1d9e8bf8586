package kz.qazdigest.topic;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Objects;
import kz.qazdigest.store.Database;
import kz.qazdigest.store.Item;
import kz.qazdigest.store.ItemStore;
import kz.qazdigest.text.ArticleAnalyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-tags stored items when config/topics.yml changes: the taxonomy's hash is kept in bot_state, and a
 * different hash at start-up (or {@code classify --retag}) re-runs the analyser over every stored item.
 * Items already delivered stay delivered; the new topics count for digests from now on.
 */
public final class Retagger {
    private static final Logger log = LoggerFactory.getLogger(Retagger.class);
    static final String HASH_KEY = "taxonomy.hash";
    private static final int PAGE = 200;

    private final Database db;
    private final ItemStore items;
    private final ArticleAnalyzer analyzer;
    private final String taxonomyHash;

    public Retagger(Database db, ItemStore items, ArticleAnalyzer analyzer, String taxonomyHash) {
        this.db = Objects.requireNonNull(db, "db");
        this.items = Objects.requireNonNull(items, "items");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.taxonomyHash = Objects.requireNonNull(taxonomyHash, "taxonomyHash");
    }

    /** Re-tags everything if the taxonomy changed since the last run; returns how many items were re-tagged. */
    public int retagIfTaxonomyChanged() {
        String stored = storedHash();
        if (taxonomyHash.equals(stored)) {
            return 0;
        }
        int count = stored == null ? 0 : retagAll(); // a new database has nothing to re-tag
        saveHash();
        if (count > 0) {
            log.info("retag: taxonomy changed, re-tagged items={}", count);
        }
        return count;
    }

    /** Re-analyses every stored item, whatever the stored hash says. */
    public int retagAll() {
        int count = 0;
        long after = 0;
        while (true) {
            List<Item> page = items.page(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (Item item : page) {
                items.replaceAnalysis(item.id(), analyzer.analyze(item.title(), item.body() == null ? "" : item.body()));
                count++;
                after = item.id();
            }
        }
        saveHash();
        return count;
    }

    private String storedHash() {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT value FROM bot_state WHERE name = ?")) {
                st.setString(1, HASH_KEY);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    private void saveHash() {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO bot_state (name, value) VALUES (?, ?) "
                    + "ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                st.setString(1, HASH_KEY);
                st.setString(2, taxonomyHash);
                st.executeUpdate();
            }
            return null;
        });
    }
}
