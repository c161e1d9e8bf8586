package kz.qazdigest.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code feeds} table: the operator's list (imported from OPML, never deleted silently), what is due,
 * and each feed's health after a poll (last status and error, consecutive failures, validators for the
 * next conditional GET, the next poll time).
 */
public final class FeedStore {
    private static final String COLUMNS = "id, url, kind, title, lang, full_text, extra_hosts, etag, last_modified, "
            + "last_status, last_error, failures, last_polled_at, last_success_at, next_poll_at, added_at, removed_at";

    private final Database db;
    private final Clock clock;

    public FeedStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What an OPML re-read did: feeds added, feeds already known, listed feeds an admin removed (left removed). */
    public record ImportReport(int added, int known, int stillRemoved) {}

    /** Adds the OPML's new outlines; known feeds are kept as they are and removed ones stay removed. */
    public ImportReport importOpml(Path opml) {
        return importOutlines(OpmlFeedList.read(opml));
    }

    public ImportReport importOutlines(List<FeedOutline> outlines) {
        long now = clock.millis();
        return db.write(c -> {
            int added = 0;
            int known = 0;
            int removed = 0;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO feeds (url, kind, title, lang, full_text, "
                    + "extra_hosts, next_poll_at, added_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?) ON CONFLICT (url) DO NOTHING");
                 PreparedStatement existing = c.prepareStatement("SELECT removed_at FROM feeds WHERE url = ?")) {
                for (FeedOutline o : outlines) {
                    insert.setString(1, o.url());
                    insert.setString(2, o.kind() == null ? "rss" : o.kind());
                    insert.setString(3, o.title());
                    insert.setString(4, o.lang());
                    insert.setString(5, o.fullText() == null ? "auto" : o.fullText());
                    insert.setString(6, o.extraHosts());
                    insert.setLong(7, now);
                    if (insert.executeUpdate() == 1) {
                        added++;
                        continue;
                    }
                    existing.setString(1, o.url());
                    try (ResultSet rs = existing.executeQuery()) {
                        rs.next();
                        rs.getLong(1);
                        if (rs.wasNull()) {
                            known++;
                        } else {
                            removed++;
                        }
                    }
                }
            }
            return new ImportReport(added, known, removed);
        });
    }

    /** An admin's /addfeed: adds the URL, or brings back a feed an admin removed before; due at once. */
    public Feed add(String url, String lang) {
        long now = clock.millis();
        return db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO feeds (url, lang, next_poll_at, added_at) "
                    + "VALUES (?, ?, 0, ?) ON CONFLICT (url) DO UPDATE SET removed_at = NULL, next_poll_at = 0")) {
                st.setString(1, url);
                st.setString(2, lang);
                st.setLong(3, now);
                st.executeUpdate();
            }
            return one(c, "SELECT " + COLUMNS + " FROM feeds WHERE url = ?", url).orElseThrow();
        });
    }

    /** An admin's /removefeed: a soft delete, so that the next OPML re-read does not bring it back. */
    public boolean remove(long feedId) {
        long now = clock.millis();
        return db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE feeds SET removed_at = ? WHERE id = ? AND removed_at IS NULL")) {
                st.setLong(1, now);
                st.setLong(2, feedId);
                return st.executeUpdate() == 1;
            }
        });
    }

    public Optional<Feed> byId(long feedId) {
        return db.read(c -> one(c, "SELECT " + COLUMNS + " FROM feeds WHERE id = ?", feedId));
    }

    /** Every feed not removed, in id order (for /feeds and poll-once). */
    public List<Feed> active() {
        return db.read(c -> list(c, "SELECT " + COLUMNS + " FROM feeds WHERE removed_at IS NULL ORDER BY id"));
    }

    /** RSS/Atom feeds whose next poll time has come, most overdue first. Other kinds belong to other fetchers. */
    public List<Feed> due(Instant now) {
        return db.read(c -> list(c, "SELECT " + COLUMNS + " FROM feeds WHERE removed_at IS NULL AND kind = 'rss' "
                + "AND next_poll_at <= ? ORDER BY next_poll_at, id", now.toEpochMilli()));
    }

    /** A 304: the feed is healthy and unchanged; validators refreshed if the server sent new ones. */
    public void markChecked(long feedId, int status, String etag, String lastModified, Instant now, Instant nextPoll) {
        update("UPDATE feeds SET last_status = ?, last_error = NULL, failures = 0, etag = ?, last_modified = ?, "
                + "last_polled_at = ?, last_success_at = ?, next_poll_at = ? WHERE id = ?",
                status, etag, lastModified, now.toEpochMilli(), now.toEpochMilli(), nextPoll.toEpochMilli(), feedId);
    }

    /** A fetched and parsed feed; its title is filled in only when the OPML gave none. */
    public void markSuccess(long feedId, int status, String etag, String lastModified, String feedTitle,
                            Instant now, Instant nextPoll) {
        update("UPDATE feeds SET last_status = ?, last_error = NULL, failures = 0, etag = ?, last_modified = ?, "
                + "title = COALESCE(title, ?), last_polled_at = ?, last_success_at = ?, next_poll_at = ? WHERE id = ?",
                status, etag, lastModified, feedTitle == null || feedTitle.isBlank() ? null : feedTitle,
                now.toEpochMilli(), now.toEpochMilli(), nextPoll.toEpochMilli(), feedId);
    }

    /** A failed poll: status 0 when no HTTP answer came; error is one line; failures counts up. */
    public void markFailure(long feedId, int status, String error, Instant now, Instant nextPoll) {
        update("UPDATE feeds SET last_status = ?, last_error = ?, failures = failures + 1, last_polled_at = ?, "
                + "next_poll_at = ? WHERE id = ?", status, error, now.toEpochMilli(), nextPoll.toEpochMilli(), feedId);
    }

    private void update(String sql, Object... args) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                bind(st, args);
                return st.executeUpdate();
            }
        });
    }

    private static Optional<Feed> one(Connection c, String sql, Object... args) throws SQLException {
        List<Feed> feeds = list(c, sql, args);
        return feeds.isEmpty() ? Optional.empty() : Optional.of(feeds.get(0));
    }

    private static List<Feed> list(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, args);
            try (ResultSet rs = st.executeQuery()) {
                List<Feed> feeds = new ArrayList<>();
                while (rs.next()) {
                    feeds.add(new Feed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            integer(rs, 10), rs.getString(11), rs.getInt(12),
                            instant(rs, 13), instant(rs, 14), instant(rs, 15), instant(rs, 16), instant(rs, 17)));
                }
                return feeds;
            }
        }
    }

    static void bind(PreparedStatement st, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                st.setNull(i + 1, Types.VARCHAR);
            } else if (a instanceof Long l) {
                st.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                st.setInt(i + 1, n);
            } else {
                st.setString(i + 1, a.toString());
            }
        }
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
