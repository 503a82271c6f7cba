package dev.tradeloop.events.json;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A message that is not a valid event, with a {@link DecodeFailure} a consumer can route on and a
 * message that says what was wrong and where ("fills: INVALID_VALUE at price: price 1.2000 is
 * outside [0, 1]"). It is a Kafka {@link SerializationException}, so deserializers may throw it.
 */
public class EventDecodingException extends SerializationException {

    private final DecodeFailure failure;
    private final String detail;

    public EventDecodingException(DecodeFailure failure, String detail) {
        super(failure + ": " + detail);
        this.failure = failure;
        this.detail = detail;
    }

    public DecodeFailure failure() {
        return failure;
    }

    /** The explanation without the failure code. */
    public String detail() {
        return detail;
    }
}
