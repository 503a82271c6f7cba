package dev.tradeloop.order;

import dev.tradeloop.events.OrderEnding;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;

/** What an entry does next, as {@link EntryWalk#next} decides it: end, or place its next attempt. */
public sealed interface EntryMove {

    /** The entry ends with {@code status}; {@code ending} says why as a code, {@code note} for people. */
    record End(OrderStatus status, OrderEnding ending, String note) implements EntryMove {
    }

    /** Place attempt {@code attempt}: {@code count} at {@code price}, reported as {@code intent} with {@code why}. */
    record Place(int attempt, Price price, Contracts count, OrderStatus intent, String why) implements EntryMove {
    }
}
