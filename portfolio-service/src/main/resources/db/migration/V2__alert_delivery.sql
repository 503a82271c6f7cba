-- Alerts sent to a person through the webhook: one row per alert event, written with the projection
-- (so none is lost), delivered by a sender that retries until the receiver accepts or the attempts
-- run out. Not part of the projection proper: a rebuild does not send old alerts again.
CREATE TABLE alert_delivery (
    event_id         uuid PRIMARY KEY,
    occurred_at      timestamptz NOT NULL,
    dedup_key        text NOT NULL,
    status           text NOT NULL,           -- PENDING, SENT, SUPPRESSED, EXPIRED, FAILED
    attempts         int NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    last_error       text,
    sent_at          timestamptz
);
CREATE INDEX alert_delivery_due ON alert_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX alert_delivery_by_key ON alert_delivery (dedup_key, occurred_at);
