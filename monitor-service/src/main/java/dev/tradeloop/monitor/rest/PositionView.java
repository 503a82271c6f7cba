package dev.tradeloop.monitor.rest;

import dev.tradeloop.events.Side;
import dev.tradeloop.rules.position.Holding;
import dev.tradeloop.rules.position.Position;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A position as the API shows it: what is held, its mark and P&amp;L, its stop, its exit in flight. */
public record PositionView(
        String positionId,
        String marketTicker,
        String eventTicker,
        Side side,
        String method,
        String originalCount,
        String count,
        String costBasis,
        String entryFees,
        Optional<String> mark,
        Optional<String> unrealizedPnl,
        Optional<String> pnlPct,
        String realizedPnl,
        String totalFees,
        Optional<String> trailingStop,
        List<Integer> partialStagesDone,
        Optional<String> exitInFlight,
        Optional<Instant> evaluatedAt,
        boolean closed) {

    public static PositionView of(Position p) {
        Optional<Holding.Valuation> value = p.lastMark().filter(m -> p.holding().isOpen()).map(p.holding()::valueAt);
        return new PositionView(p.positionId(), p.marketTicker(), p.eventTicker(), p.holding().side(),
                p.method().toString(), p.holding().originalCount().toString(), p.holding().count().toString(),
                p.holding().costBasis().toString(), p.holding().entryFees().toString(),
                p.lastMark().map(Object::toString), value.map(v -> v.unrealizedPnl().toString()),
                value.map(v -> v.pnlPct().setScale(4, RoundingMode.HALF_EVEN).toPlainString()),
                p.realizedPnl().toString(), p.totalFees().toString(),
                p.trailingStop().active() ? Optional.of(p.trailingStop().stop().setScale(4, RoundingMode.HALF_EVEN)
                        .toPlainString()) : Optional.empty(),
                p.stagesDone().stream().sorted().toList(),
                p.exitInFlight().map(f -> f.reason() + " (" + f.priority() + "), " + f.remaining() + " to sell"),
                p.evaluatedAt(), p.closed());
    }
}
