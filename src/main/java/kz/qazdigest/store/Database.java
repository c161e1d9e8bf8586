package kz.qazdigest.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite store: WAL mode, one writer connection behind a lock (SQLite allows one writer; funnelling
 * writes avoids SQLITE_BUSY upgrades), and a few reader connections that never block the writer.
 * Write transactions start with BEGIN IMMEDIATE so a read-then-write cannot fail half way.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int READERS = 4;

    private final String url;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final BlockingQueue<Connection> readers;
    private final List<Connection> allReaders = new ArrayList<>();
    private volatile boolean closed;

    private Database(String url, Connection writer, List<Connection> readerConnections) {
        this.url = url;
        this.writer = writer;
        this.readers = new ArrayBlockingQueue<>(readerConnections.size(), false, readerConnections);
        this.allReaders.addAll(readerConnections);
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static Database open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("store: cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            migrate(url);
            Connection writer = connect(url, false);
            List<Connection> readerConnections = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                readerConnections.add(connect(url, true));
            }
            return new Database(url, writer, readerConnections);
        } catch (SQLException e) {
            throw new StoreException("store: cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private static void migrate(String url) {
        SQLiteDataSource ds = new SQLiteDataSource(config(false));
        ds.setUrl(url);
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        log.debug("store: schema up to date at {}", url);
    }

    private static SQLiteConfig config(boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL); // safe with WAL; FULL costs an fsync per commit
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        // writers take the lock up front; readers must stay DEFERRED or each "BEGIN" would take it too
        config.setTransactionMode(readOnly ? SQLiteConfig.TransactionMode.DEFERRED : SQLiteConfig.TransactionMode.IMMEDIATE);
        if (readOnly) {
            config.setReadOnly(true);
        }
        return config;
    }

    private static Connection connect(String url, boolean readOnly) throws SQLException {
        SQLiteConfig config = config(readOnly);
        Connection connection = config.createConnection(url);
        if (readOnly) {
            // a deferred read transaction gives each read() a consistent snapshot
            connection.setAutoCommit(false);
        }
        return connection;
    }

    /** Runs {@code work} in one write transaction (BEGIN IMMEDIATE); commits, or rolls back on any failure. */
    public <T> T write(SqlWork<T> work) {
        ensureOpen();
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            try {
                T result = work.run(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(writer);
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("store: write failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on a reader connection, in a snapshot that concurrent writes do not disturb. */
    public <T> T read(SqlWork<T> work) {
        ensureOpen();
        Connection connection;
        try {
            connection = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("store: interrupted while waiting for a reader", e);
        }
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("store: read failed: " + e.getMessage(), e);
        } finally {
            rollbackQuietly(connection); // ends the snapshot
            readers.add(connection);
        }
    }

    public String url() {
        return url;
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("store: database is closed", null);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // nothing to undo, or the connection is gone; the caller already has the real error
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writeLock.lock();
        try {
            allReaders.forEach(Database::closeQuietly);
            closeQuietly(writer); // last: only a read-write connection can checkpoint and remove the WAL files
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("store: closing a connection failed: {}", e.getMessage());
        }
    }
}
