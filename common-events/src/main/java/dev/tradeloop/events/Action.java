package dev.tradeloop.events;

/** Whether an order or fill buys or sells the held side. */
public enum Action {
    BUY,
    SELL
}
