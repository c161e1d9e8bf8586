-- Delivery: every outgoing message is an outbox row written before it is sent (crash-safe), the items a
-- digest message carries (outbox_items), the items each chat has received (deliveries, unique per chat and
-- item), and broadcasts awaiting their report. Same portability rules as V1.

CREATE TABLE broadcasts (
    id              INTEGER PRIMARY KEY,
    admin_chat_id   BIGINT  NOT NULL,
    created_at      BIGINT  NOT NULL,
    total           INTEGER NOT NULL,                     -- chats it was queued for
    finished_at     BIGINT,                               -- every row settled (sent, dropped or parked)
    report_sent     INTEGER NOT NULL DEFAULT 0            -- 1 once the report row is queued to the admin
);

CREATE TABLE outbox (
    id                  INTEGER PRIMARY KEY,
    chat_id             BIGINT  NOT NULL,                 -- no FK: replies also go to chats that never subscribed
    lane                INTEGER NOT NULL,                 -- Lane.priority(): 0 reply, 1 digest, 2 broadcast
    kind                TEXT    NOT NULL,                 -- reply | digest | broadcast | report
    payload             TEXT    NOT NULL,                 -- OutgoingMessage as JSON
    state               TEXT    NOT NULL DEFAULT 'pending', -- pending | in_flight | sent | parked | dropped
    attempts            INTEGER NOT NULL DEFAULT 0,       -- failed attempts that count (5xx, timeouts)
    next_attempt_at     BIGINT  NOT NULL,
    last_error          TEXT,
    broadcast_id        BIGINT  REFERENCES broadcasts (id),
    created_at          BIGINT  NOT NULL,
    sent_at             BIGINT,
    telegram_message_id BIGINT
);
CREATE INDEX outbox_due ON outbox (state, lane, id);
CREATE INDEX outbox_chat ON outbox (chat_id, state);
CREATE INDEX outbox_broadcast ON outbox (broadcast_id, state);

CREATE TABLE outbox_items (
    outbox_id       BIGINT  NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
    item_id         BIGINT  NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    PRIMARY KEY (outbox_id, item_id)
);
CREATE INDEX outbox_items_item ON outbox_items (item_id, outbox_id);

CREATE TABLE deliveries (
    chat_id         BIGINT  NOT NULL,
    item_id         BIGINT  NOT NULL,                     -- no FK: the record outlives pruned items
    delivered_at    BIGINT  NOT NULL,
    PRIMARY KEY (chat_id, item_id)
);
