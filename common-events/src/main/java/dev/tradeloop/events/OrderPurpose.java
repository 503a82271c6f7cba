package dev.tradeloop.events;

/** Whether an order opens a position (order-service) or closes one (exit-service). */
public enum OrderPurpose {
    ENTRY,
    EXIT
}
