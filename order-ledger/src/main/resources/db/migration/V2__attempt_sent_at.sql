-- When an attempt's order was last sent to the exchange: after an unknown outcome it is sent again
-- only once the exchange can no longer accept the first request (its signed time is too old).
ALTER TABLE order_attempt ADD COLUMN sent_at TIMESTAMPTZ;
