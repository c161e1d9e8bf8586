package kz.qazdigest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void opensInWalModeAndMigrates() {
        try (Database db = Database.open(dir.resolve("sub/q.db"))) {
            String mode = db.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(mode).isEqualToIgnoringCase("wal");
            int tables = db.read(c -> {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('feeds','items','subscribers')")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(tables).isEqualTo(3);
        }
    }

    @Test
    void aFailedWriteRollsBackWhole() {
        try (Database db = Database.open(dir.resolve("q.db"))) {
            assertThatThrownBy(() -> db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO bot_state(name, value) VALUES ('a', '1')");
                    st.executeUpdate("INSERT INTO bot_state(name, value) VALUES ('a', '2')"); // primary key clash
                }
                return null;
            })).isInstanceOf(StoreException.class);
            assertThat(count(db)).isZero();
        }
    }

    @Test
    void readersSeeASnapshotWhileTheWriterHoldsATransaction() throws Exception {
        try (Database db = Database.open(dir.resolve("q.db"))) {
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread writer = new Thread(() -> db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO bot_state(name, value) VALUES ('k', 'v')");
                }
                written.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            writer.start();
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(count(db)).as("uncommitted row invisible, and the read is not blocked").isZero();
            release.countDown();
            writer.join(10_000);
            assertThat(count(db)).isEqualTo(1);
        }
    }

    @Test
    void closingCheckpointsAndRemovesTheWalFiles() {
        Path file = dir.resolve("q.db");
        try (Database db = Database.open(file)) {
            db.write(c -> c.createStatement().executeUpdate("INSERT INTO bot_state(name, value) VALUES ('k', 'v')"));
            db.read(c -> c.createStatement().executeQuery("SELECT count(*) FROM bot_state").next());
        }
        assertThat(dir.resolve("q.db-wal")).doesNotExist();
        assertThat(dir.resolve("q.db-shm")).doesNotExist();
    }

    @Test
    void reopeningKeepsDataAndDoesNotRemigrate() {
        Path file = dir.resolve("q.db");
        try (Database db = Database.open(file)) {
            db.write(c -> c.createStatement().executeUpdate("INSERT INTO bot_state(name, value) VALUES ('x', 'y')"));
        }
        try (Database db = Database.open(file)) {
            assertThat(count(db)).isEqualTo(1);
        }
    }

    private static int count(Database db) {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM bot_state")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
