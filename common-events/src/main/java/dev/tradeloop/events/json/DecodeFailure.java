package dev.tradeloop.events.json;

/** Why a message could not be turned into an event; recorded on its dead letter. */
public enum DecodeFailure {
    /** Not JSON, or not a JSON object. */
    MALFORMED_JSON,
    /** No {@code type}, or a type no record has. */
    UNKNOWN_TYPE,
    /** A known type that does not belong on this topic. */
    WRONG_TYPE_FOR_TOPIC,
    /** No {@code schemaVersion}, or one this build cannot read. */
    UNSUPPORTED_SCHEMA_VERSION,
    /** A required field is absent or null. */
    MISSING_FIELD,
    /** A field is present but its value breaks the contract (a price above 1, a negative count...). */
    INVALID_VALUE,
    /** The event decoded, but the consumer could not process it (a rule or a store refused it). */
    PROCESSING_FAILED
}
