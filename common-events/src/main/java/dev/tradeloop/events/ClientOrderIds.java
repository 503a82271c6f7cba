package dev.tradeloop.events;

import java.util.Optional;
import java.util.UUID;

/**
 * Whose an order on the account is, by its client order id: an entry's orders are named after the
 * position ({@code pos-<uuid>-<attempt>}, the id risk-service gives an approved trade), an exit's
 * after its trigger ({@code exit-<trigger id>-<attempt>}). Any other id is not the loop's.
 */
public final class ClientOrderIds {

    private static final String ENTRY_PREFIX = "pos-";
    private static final String EXIT_PREFIX = "exit-";

    private ClientOrderIds() {
    }

    /** A new position's id: its entry's orders are named after it. */
    public static String newPositionId() {
        return ENTRY_PREFIX + UUID.randomUUID();
    }

    /** The id of the execution of an exit trigger: its orders are named after it. */
    public static String exitExecutionId(UUID triggerEventId) {
        return EXIT_PREFIX + triggerEventId;
    }

    /** Whose order this is: an entry's, an exit's, or (empty) not the loop's. */
    public static Optional<OrderPurpose> purposeOf(String clientOrderId) {
        if (clientOrderId == null) {
            return Optional.empty();
        }
        if (clientOrderId.startsWith(ENTRY_PREFIX)) {
            return Optional.of(OrderPurpose.ENTRY);
        }
        return clientOrderId.startsWith(EXIT_PREFIX) ? Optional.of(OrderPurpose.EXIT) : Optional.empty();
    }
}
