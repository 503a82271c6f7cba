package dev.tradeloop.ledger;

/** Where one order attempt is: written before sending, accepted by the exchange, over, or refused. */
public enum AttemptStatus {
    /** In the ledger, maybe sent: the exchange must be asked before sending it (again). */
    INTENDED,
    /** The exchange has it (it may be resting, partly filled, or done). */
    PLACED,
    /** Nothing of it rests any more; its fills are recorded. */
    ENDED,
    /** The exchange refused it; it never traded. */
    REJECTED
}
