package dev.tradeloop.ledger;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import java.time.Instant;
import java.util.Optional;

/**
 * One order of an execution, as the ledger holds it. Its {@code clientOrderId} is
 * {@code <execution id>-<attempt>}: fixed before the exchange is called, so the order can always be
 * found again.
 */
public record Attempt(String clientOrderId, String executionId, int attempt, String marketTicker, Side side,
        Action action, Price price, Contracts count, String timeInForce, AttemptStatus status,
        Optional<String> exchangeOrderId, Contracts filled, Optional<Instant> placedAt) {

    public static String clientOrderId(String executionId, int attempt) {
        return executionId + "-" + attempt;
    }

    /** A new attempt, not sent yet. */
    public static Attempt intended(String executionId, int attempt, String marketTicker, Side side, Action action,
            Price price, Contracts count, String timeInForce) {
        return new Attempt(clientOrderId(executionId, attempt), executionId, attempt, marketTicker, side, action,
                price, count, timeInForce, AttemptStatus.INTENDED, Optional.empty(), Contracts.ZERO, Optional.empty());
    }

    public Attempt with(AttemptStatus newStatus, Optional<String> orderId) {
        return new Attempt(clientOrderId, executionId, attempt, marketTicker, side, action, price, count, timeInForce,
                newStatus, orderId.or(() -> exchangeOrderId), filled, placedAt);
    }

    public Attempt withFilled(Contracts newFilled) {
        return new Attempt(clientOrderId, executionId, attempt, marketTicker, side, action, price, count, timeInForce,
                status, exchangeOrderId, newFilled, placedAt);
    }

    public Attempt placedAt(Instant at) {
        return new Attempt(clientOrderId, executionId, attempt, marketTicker, side, action, price, count, timeInForce,
                status, exchangeOrderId, filled, Optional.of(at));
    }
}
