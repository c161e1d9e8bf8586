-- Full text for teaser-only feeds (issue 6). An item whose feed gives only a teaser is stored with
-- items.ready = 0 and gets a row here; the full-text job fetches its page, re-analyses the whole article
-- and sets ready = 1 (or gives up and keeps the teaser, also ready = 1). A page that answered 200 is
-- never fetched again: its row keeps status 200 and a final state.
CREATE TABLE article_pages (
    url             TEXT    PRIMARY KEY,                  -- the item's link as fetched first
    item_id         BIGINT  NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    feed_id         BIGINT  NOT NULL REFERENCES feeds (id),
    state           TEXT    NOT NULL DEFAULT 'pending',   -- pending | extracted | kept_teaser | refused | gave_up
    status          INTEGER,                              -- HTTP status of the last attempt (0: no answer)
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL DEFAULT 0,
    fetched_at      BIGINT,                               -- last attempt
    error           TEXT                                  -- why the teaser was kept, one line
);
CREATE UNIQUE INDEX article_pages_item ON article_pages (item_id);
CREATE INDEX article_pages_feed_state ON article_pages (feed_id, state);

CREATE INDEX items_pending ON items (ready, id);
