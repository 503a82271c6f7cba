-- The last reconciliation of each scope (entries, exits, holdings) with the exchange, as published
-- on account-balance: its figures and what it found, for the dashboard.
CREATE TABLE reconciliation_run (
    scope          text PRIMARY KEY,
    event_id       uuid NOT NULL,
    occurred_at    timestamptz NOT NULL,
    source         text NOT NULL,
    run_json       text NOT NULL
);
