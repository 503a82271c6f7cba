-- The outbox names each event's type, so the relay counts what it publishes without decoding it
-- (NULL for rows written before this column).
ALTER TABLE outbox ADD COLUMN event_type TEXT;

-- A row the broker refuses for good (no catalog topic, a record too large, ...) is moved here with
-- the reason, so the rows behind it are published; an operator can put it back into the outbox.
CREATE TABLE outbox_dead_letter (
    seq             BIGINT PRIMARY KEY,
    event_id        UUID NOT NULL,
    topic           TEXT NOT NULL,
    record_key      TEXT NOT NULL,
    payload         TEXT NOT NULL,
    event_type      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    dead_at         TIMESTAMPTZ NOT NULL,
    reason          TEXT NOT NULL
);
