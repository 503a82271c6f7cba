-- The read side. Every row is derived from the event log alone: dropping the schema and replaying the
-- topics from offset 0 rebuilds the same rows. Money is numeric (dollars to the micro-dollar).

-- One row per event applied: a redelivered event is recognised and changes nothing.
CREATE TABLE projected_event (
    event_id     uuid PRIMARY KEY,
    topic        text NOT NULL,
    occurred_at  timestamptz NOT NULL
);

-- Where the projection has read to, written in the same transaction as the rows it produced.
CREATE TABLE read_offset (
    topic        text NOT NULL,
    partition_no int NOT NULL,
    next_offset  bigint NOT NULL,
    PRIMARY KEY (topic, partition_no)
);

CREATE TABLE position (
    position_id      text PRIMARY KEY,
    market_ticker    text NOT NULL,
    event_ticker     text NOT NULL,
    side             text NOT NULL,
    method_id        text NOT NULL,
    method_version   int NOT NULL,
    correlation_id   text NOT NULL,
    status           text NOT NULL,          -- OPEN, CLOSED, SETTLED
    opened_at        timestamptz NOT NULL,
    entry_count      numeric(14, 2) NOT NULL,
    contracts        numeric(14, 2) NOT NULL, -- held now
    cost_basis       numeric(20, 6) NOT NULL,
    entry_fees       numeric(20, 6) NOT NULL,
    mark             numeric(20, 6),
    unrealized_pnl   numeric(20, 6),
    pnl_pct          numeric(20, 6),
    marked_at        timestamptz,
    trailing_peak    numeric(20, 6),
    trailing_stop    numeric(20, 6),
    realized_pnl     numeric(20, 6) NOT NULL,
    total_fees       numeric(20, 6) NOT NULL,
    exit_reason      text,
    exit_pending     text,                   -- the reason of an exit triggered and not yet done
    closed_at        timestamptz
);
CREATE INDEX position_by_market ON position (market_ticker);
CREATE INDEX position_by_opened ON position (opened_at);

-- Every sale or settlement that reduced a position, with the P&L it realized.
CREATE TABLE position_exit (
    event_id       uuid PRIMARY KEY,
    position_id    text NOT NULL,
    occurred_at    timestamptz NOT NULL,
    kind           text NOT NULL,            -- PARTIAL, CLOSED, SETTLED
    contracts      numeric(14, 2) NOT NULL,
    price          numeric(20, 6),
    fee            numeric(20, 6) NOT NULL,
    realized_pnl   numeric(20, 6) NOT NULL,  -- this exit's part
    exit_reason    text,
    partial_stage  int,
    method_id      text NOT NULL,
    method_version int NOT NULL
);
CREATE INDEX position_exit_by_time ON position_exit (occurred_at);
CREATE INDEX position_exit_by_position ON position_exit (position_id);

-- Every exit decided by the monitor, and every exit that failed.
CREATE TABLE exit_attempt (
    event_id      uuid PRIMARY KEY,
    position_id   text NOT NULL,
    occurred_at   timestamptz NOT NULL,
    kind          text NOT NULL,             -- TRIGGERED, FAILED
    reason        text NOT NULL,
    priority      text NOT NULL,
    contracts     numeric(14, 2),
    conflicting   text,
    detail        text
);
CREATE INDEX exit_attempt_by_position ON exit_attempt (position_id);

-- One row per order sent (client order id), its latest state, and every event of it.
CREATE TABLE exchange_order (
    client_order_id   text PRIMARY KEY,
    position_id       text NOT NULL,
    market_ticker     text NOT NULL,
    purpose           text NOT NULL,
    side              text NOT NULL,
    action            text NOT NULL,
    attempt           int NOT NULL,
    order_id          text,
    status            text NOT NULL,
    price             numeric(20, 6),
    contracts         numeric(14, 2) NOT NULL,
    filled            numeric(14, 2) NOT NULL,
    strategy          text,
    priority          text,
    method_id         text NOT NULL,
    method_version    int NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX exchange_order_by_position ON exchange_order (position_id);

CREATE TABLE order_event (
    event_id            uuid PRIMARY KEY,
    client_order_id     text NOT NULL,
    position_id         text NOT NULL,
    occurred_at         timestamptz NOT NULL,
    status              text NOT NULL,
    price               numeric(20, 6),
    contracts           numeric(14, 2) NOT NULL,
    filled              numeric(14, 2) NOT NULL,
    exchange_error_code text,
    note                text
);
CREATE INDEX order_event_by_order ON order_event (client_order_id);

CREATE TABLE fill (
    event_id        uuid PRIMARY KEY,
    trade_id        text NOT NULL,
    position_id     text NOT NULL,
    client_order_id text NOT NULL,
    market_ticker   text NOT NULL,
    purpose         text NOT NULL,
    side            text NOT NULL,
    action          text NOT NULL,
    contracts       numeric(14, 2) NOT NULL,
    price           numeric(20, 6) NOT NULL,
    fee             numeric(20, 6) NOT NULL,
    taker           boolean NOT NULL,
    executed_at     timestamptz NOT NULL
);
CREATE INDEX fill_by_position ON fill (position_id);

CREATE TABLE risk_decision (
    event_id        uuid PRIMARY KEY,
    occurred_at     timestamptz NOT NULL,
    correlation_id  text NOT NULL,
    market_ticker   text NOT NULL,
    outcome         text NOT NULL,
    reasons         text NOT NULL,           -- comma separated reason codes, empty for an approval
    edge            numeric(20, 6) NOT NULL,
    position_id     text,
    contracts       numeric(14, 2),
    stake           numeric(20, 6),
    method_id       text NOT NULL,
    method_version  int NOT NULL
);
CREATE INDEX risk_decision_by_time ON risk_decision (occurred_at);

CREATE TABLE alert (
    event_id       uuid PRIMARY KEY,
    occurred_at    timestamptz NOT NULL,
    correlation_id text NOT NULL,
    severity       text NOT NULL,
    code           text NOT NULL,
    source         text NOT NULL,
    message        text NOT NULL,
    position_id    text,
    market_ticker  text
);
CREATE INDEX alert_by_time ON alert (occurred_at);

-- The latest trading state (one row), as published on the compacted trading-state topic.
CREATE TABLE trading_state (
    id           int PRIMARY KEY CHECK (id = 1),
    event_id     uuid NOT NULL,
    occurred_at  timestamptz NOT NULL,
    mode         text NOT NULL,
    flatten_all  boolean NOT NULL,
    state_json   text NOT NULL               -- the event as published, breakers and all
);
