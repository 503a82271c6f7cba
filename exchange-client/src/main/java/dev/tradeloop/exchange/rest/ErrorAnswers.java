package dev.tradeloop.exchange.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * Maps an error answer to its typed exception. Kalshi's body is usually
 * {@code {"error": {"code", "message", "details"}}}, but a 429 says {@code {"error": "too many
 * requests"}} and a proxy may send HTML, so the body is read defensively.
 */
final class ErrorAnswers {

    private ErrorAnswers() {
    }

    static ExchangeException classify(int status, String body, String what, ObjectMapper mapper) {
        Optional<String> code = Optional.empty();
        String message = body.length() > 200 ? body.substring(0, 200) + "..." : body;
        try {
            JsonNode error = mapper.readTree(body).path("error");
            if (error.isObject()) {
                code = Optional.ofNullable(error.path("code").textValue()).filter(c -> !c.isEmpty());
                message = error.path("message").asText(message);
            } else if (error.isTextual()) {
                message = error.asText();
            }
        } catch (Exception notJson) {
            // keep the raw text as the message
        }
        String text = what + " -> " + status + code.map(c -> " " + c).orElse("") + ": " + message;
        return switch (status) {
            case 401 -> new ExchangeException.Unauthorized(code, text);
            case 404 -> new ExchangeException.NotFound(code, text);
            case 409 -> new ExchangeException.Conflict(code, text);
            case 429 -> new ExchangeException.Transient(429, code, text, null);
            default -> status >= 500
                    ? new ExchangeException.Transient(status, code, text, null)
                    : new ExchangeException.Rejected(status, code, text);
        };
    }
}
