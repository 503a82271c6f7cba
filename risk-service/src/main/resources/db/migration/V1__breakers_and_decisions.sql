-- risk-service: the breakers (so a manual-reset breaker stays open across restarts) and the audit of decisions.

CREATE TABLE breaker_state (
    name        TEXT PRIMARY KEY,
    open        BOOLEAN NOT NULL,
    tripped_at  TIMESTAMPTZ,
    reason      TEXT,
    flatten     BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- Every trip and every reset, with who did it.
CREATE TABLE breaker_audit (
    id      BIGSERIAL PRIMARY KEY,
    name    TEXT NOT NULL,
    action  TEXT NOT NULL,
    actor   TEXT NOT NULL,
    reason  TEXT,
    at      TIMESTAMPTZ NOT NULL
);

-- One row per edge decided: the decision and, for an approval, the approved trade, exactly as
-- published, so a decision retried after a crash republishes the same events (same event ids).
CREATE TABLE risk_decision (
    edge_event_id       UUID PRIMARY KEY,
    decision_event_id   UUID NOT NULL UNIQUE,
    market_ticker       TEXT NOT NULL,
    outcome             TEXT NOT NULL,
    reasons             TEXT NOT NULL,
    position_id         TEXT,
    contracts           NUMERIC(18, 2),
    stake               NUMERIC(18, 6),
    method              TEXT NOT NULL,
    correlation_id      TEXT NOT NULL,
    decided_at          TIMESTAMPTZ NOT NULL,
    decision_json       TEXT NOT NULL,
    approved_trade_json TEXT
);

CREATE INDEX risk_decision_by_market ON risk_decision (market_ticker, decided_at);

-- The day's loss an operator accepted when resetting the daily-loss breaker: it trips again that
-- day only when the loss grows past the limit once more, beyond what was accepted.
CREATE TABLE daily_loss_acknowledged (
    day         DATE PRIMARY KEY,
    loss        NUMERIC(18, 6) NOT NULL,
    actor       TEXT NOT NULL,
    at          TIMESTAMPTZ NOT NULL
);
