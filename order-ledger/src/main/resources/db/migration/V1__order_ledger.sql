-- The order ledger: what order-service (entries) and exit-service (exits) intend, send and get back.
-- An attempt is written with its client_order_id before the exchange is called, so after a crash
-- or an unknown outcome the exchange is asked about that id before anything is sent again.

-- One execution: an approved entry, or an exit, worked until it ends.
CREATE TABLE execution (
    execution_id    TEXT PRIMARY KEY,
    position_id     TEXT NOT NULL,
    purpose         TEXT NOT NULL,
    request_json    TEXT NOT NULL,
    status          TEXT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX execution_active ON execution (status) WHERE status = 'ACTIVE';

-- One order sent (or about to be) for an execution: its price, its state, its exchange id.
CREATE TABLE order_attempt (
    client_order_id     TEXT PRIMARY KEY,
    execution_id        TEXT NOT NULL REFERENCES execution (execution_id),
    attempt             INT NOT NULL,
    market_ticker       TEXT NOT NULL,
    side                TEXT NOT NULL,
    action              TEXT NOT NULL,
    price               NUMERIC(10, 6) NOT NULL,
    count               NUMERIC(18, 2) NOT NULL,
    time_in_force       TEXT NOT NULL,
    status              TEXT NOT NULL,
    exchange_order_id   TEXT,
    filled              NUMERIC(18, 2) NOT NULL DEFAULT 0,
    placed_at           TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    UNIQUE (execution_id, attempt)
);

-- Every fill once, by the exchange's trade id.
CREATE TABLE fill_seen (
    trade_id        TEXT PRIMARY KEY,
    client_order_id TEXT NOT NULL REFERENCES order_attempt (client_order_id),
    position_id     TEXT NOT NULL,
    count           NUMERIC(18, 2) NOT NULL,
    price           NUMERIC(10, 6) NOT NULL,
    fee             NUMERIC(18, 6) NOT NULL,
    executed_at     TIMESTAMPTZ NOT NULL
);

-- Events written in the same transaction as the ledger change they report, published in order by
-- the relay and then marked: a crash between the two publishes again, with the same event id.
CREATE TABLE outbox (
    seq             BIGSERIAL PRIMARY KEY,
    event_id        UUID NOT NULL UNIQUE,
    topic           TEXT NOT NULL,
    record_key      TEXT NOT NULL,
    payload         TEXT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    published_at    TIMESTAMPTZ
);

CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;
