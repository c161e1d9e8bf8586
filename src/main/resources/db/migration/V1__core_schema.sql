-- Core schema shared by every capability. Times are epoch milliseconds (BIGINT) so the same SQL
-- runs on SQLite and PostgreSQL; ids are "INTEGER PRIMARY KEY" here (SQLite rowid), which the
-- PostgreSQL migrations will spell "BIGINT GENERATED ALWAYS AS IDENTITY".
-- Queries stay portable: INSERT ... ON CONFLICT DO NOTHING, RETURNING, no SQLite-only functions.

CREATE TABLE feeds (
    id              INTEGER PRIMARY KEY,
    url             TEXT    NOT NULL UNIQUE,
    kind            TEXT    NOT NULL DEFAULT 'rss',      -- rss | govkz
    title           TEXT,
    lang            TEXT,                                 -- kk | ru | en, from the OPML outline
    full_text       TEXT    NOT NULL DEFAULT 'auto',      -- auto | always | never
    extra_hosts     TEXT,                                 -- comma-separated hosts allowed for article pages
    etag            TEXT,
    last_modified   TEXT,
    last_status     INTEGER,                              -- HTTP status of the last poll (0: no answer)
    last_error      TEXT,
    failures        INTEGER NOT NULL DEFAULT 0,           -- consecutive failed polls
    last_polled_at  BIGINT,
    last_success_at BIGINT,
    next_poll_at    BIGINT  NOT NULL DEFAULT 0,
    added_at        BIGINT  NOT NULL,
    removed_at      BIGINT                                -- soft delete: the OPML re-read must not bring it back
);

CREATE TABLE items (
    id              INTEGER PRIMARY KEY,
    feed_id         BIGINT  NOT NULL REFERENCES feeds (id),
    guid            TEXT,
    link            TEXT,
    canonical_url   TEXT,
    content_hash    TEXT    NOT NULL,
    story_key       TEXT,                                 -- one story across language editions
    lang            TEXT,
    title           TEXT    NOT NULL,
    body            TEXT,
    summary         TEXT,
    published_at    BIGINT  NOT NULL,
    fetched_at      BIGINT  NOT NULL,
    ready           INTEGER NOT NULL DEFAULT 1            -- 0 while full text / analysis is pending: not offered to digests
);
CREATE UNIQUE INDEX items_feed_guid ON items (feed_id, guid);
CREATE UNIQUE INDEX items_canonical_url ON items (canonical_url);
CREATE UNIQUE INDEX items_content_hash ON items (content_hash);
CREATE INDEX items_published ON items (published_at);
CREATE INDEX items_story ON items (story_key);

CREATE TABLE item_topics (
    item_id         BIGINT  NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    topic_id        TEXT    NOT NULL,
    matched         TEXT    NOT NULL,                     -- the words that triggered the topic, '|' separated
    PRIMARY KEY (item_id, topic_id)
);
CREATE INDEX item_topics_topic ON item_topics (topic_id, item_id);

CREATE TABLE subscribers (
    chat_id         BIGINT  PRIMARY KEY,
    chat_type       TEXT    NOT NULL DEFAULT 'private',   -- private | group | supergroup
    user_id         BIGINT,                               -- who ran /start (for private chats: the chat)
    lang            TEXT    NOT NULL DEFAULT 'en',
    schedule        TEXT    NOT NULL DEFAULT 'daily 09:00',
    tz              TEXT    NOT NULL DEFAULT 'Asia/Almaty',
    active          INTEGER NOT NULL DEFAULT 1,
    inactive_reason TEXT,                                 -- stopped | blocked | chat_not_found | migrated
    next_digest_at  BIGINT,
    since_at        BIGINT  NOT NULL,                     -- items published before this are never offered
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL
);
CREATE INDEX subscribers_due ON subscribers (active, next_digest_at);

CREATE TABLE subscriptions (
    chat_id         BIGINT  NOT NULL REFERENCES subscribers (chat_id) ON DELETE CASCADE,
    topic_id        TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    PRIMARY KEY (chat_id, topic_id)
);
CREATE INDEX subscriptions_topic ON subscriptions (topic_id);

CREATE TABLE bot_state (
    name            TEXT    PRIMARY KEY,                  -- e.g. 'telegram.update_offset'
    value           TEXT    NOT NULL
);
