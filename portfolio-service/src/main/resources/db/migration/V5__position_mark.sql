-- The latest mark of each open position, as position-marks says it. Marks and the positions' history are
-- read from two topics, in no order between them: a mark read before its position's PositionOpened waits
-- here, and the position takes it when it opens. A position's mark leaves when the position ends.
CREATE TABLE position_mark (
    position_id      text PRIMARY KEY,
    mark             numeric(20, 6) NOT NULL,
    unrealized_pnl   numeric(20, 6) NOT NULL,
    pnl_pct          numeric(20, 6) NOT NULL,
    marked_at        timestamptz    NOT NULL
);
