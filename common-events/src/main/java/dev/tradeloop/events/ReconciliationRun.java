package dev.tradeloop.events;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One reconciliation of the loop with the exchange, published by whoever ran it under the key
 * {@code reconciliation-<scope>}, so the latest of each scope is kept: {@code scope} ({@code entries}
 * and {@code exits}, the two order ledgers; {@code holdings}, the account's holdings against the
 * positions), its {@code figures} by name (what was read, recorded, cancelled, found differing),
 * what it found, one line each, for a person, and why it could not run, if it could not.
 */
public record ReconciliationRun(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        String source,
        String scope,
        Map<String, Integer> figures,
        List<String> findings,
        Optional<String> failure) implements AccountEvent {

    public ReconciliationRun {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.text(source, "source");
        Require.text(scope, "scope");
        // in name order, so the same run is written the same way by every process (rows are a function of the log)
        figures = Collections.unmodifiableMap(new TreeMap<>(Require.present(figures, "figures")));
        figures.values().forEach(figure -> Require.nonNegative(figure, "figures"));
        findings = Require.list(findings, "findings");
        failure = Require.optional(failure);
    }
}
