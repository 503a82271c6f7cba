package dev.tradeloop.events;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The risk gate's verdict on one edge, approval or rejection, with every failed check as a reason
 * code, and the edge it judged. Keyed by market ticker; the audit trail of why the loop did or did not trade.
 */
public record RiskDecision(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        String marketTicker,
        UUID edgeEventId,
        BigDecimal edge,
        RiskOutcome outcome,
        List<RiskReason> reasons,
        Optional<String> positionId,
        Optional<Contracts> contracts,
        Optional<Money> stake,
        MethodRef method) implements Event {

    public RiskDecision {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.text(marketTicker, "marketTicker");
        Require.present(edgeEventId, "edgeEventId");
        Require.present(edge, "edge");
        Require.present(outcome, "outcome");
        reasons = Require.list(reasons, "reasons");
        positionId = Require.optional(positionId);
        contracts = Require.optional(contracts);
        stake = Require.optional(stake);
        Require.present(method, "method");
        if (outcome == RiskOutcome.REJECTED && reasons.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one reason");
        }
        if (outcome == RiskOutcome.APPROVED && !reasons.isEmpty()) {
            throw new IllegalArgumentException("an approval has no rejection reasons");
        }
    }

    /** Rejected only for want of room (positions or total exposure): closing a position would let it in. */
    public boolean waitsForCapital() {
        return outcome == RiskOutcome.REJECTED && !reasons.isEmpty() && reasons.stream().allMatch(reason ->
                reason == RiskReason.MAX_OPEN_POSITIONS || reason == RiskReason.MAX_TOTAL_EXPOSURE);
    }
}
