package dev.tradeloop.sim.scenario;

import dev.tradeloop.events.money.Price;
import dev.tradeloop.sim.scenario.Scenario.MarketScript;
import dev.tradeloop.sim.scenario.Scenario.PathPoint;
import java.util.List;
import java.util.Random;

/**
 * The hidden true probability of one market over time, in basis points (0.0001), never a float:
 * either a scripted path (straight lines between points) or a seeded random walk of whole
 * basis-point steps, kept within [2%, 98%].
 */
final class TruePath {

    private static final int FLOOR = 200;
    private static final int CEILING = 9_800;

    private final MarketScript script;
    private final Random random;
    private int basisPoints;

    TruePath(MarketScript script, Random random) {
        this.script = script;
        this.random = random;
        this.basisPoints = toBasisPoints(script.startProbability());
    }

    /** Where the path is: the last probability and, for a walk, its random generator. */
    public record State(int basisPoints, String random) {
    }

    State state() {
        return new State(basisPoints, RandomState.save(random));
    }

    static TruePath restore(MarketScript script, State state) {
        TruePath path = new TruePath(script, RandomState.load(state.random()));
        path.basisPoints = state.basisPoints();
        return path;
    }

    /** The probability {@code elapsedSeconds} into the scenario; the walk takes one step per call. */
    Price at(long elapsedSeconds) {
        if (!script.path().isEmpty()) {
            basisPoints = interpolate(script.path(), elapsedSeconds);
        } else if (script.walkBasisPoints().isPresent()) {
            int step = script.walkBasisPoints().get();
            basisPoints = Math.max(FLOOR, Math.min(CEILING, basisPoints + random.nextInt(2 * step + 1) - step));
        }
        return Price.of(java.math.BigDecimal.valueOf(basisPoints, 4));
    }

    private static int interpolate(List<PathPoint> points, long at) {
        PathPoint before = points.get(0);
        if (at <= before.atSeconds()) {
            return toBasisPoints(before.probability());
        }
        for (PathPoint after : points.subList(1, points.size())) {
            if (at <= after.atSeconds()) {
                long span = after.atSeconds() - before.atSeconds();
                int from = toBasisPoints(before.probability());
                int to = toBasisPoints(after.probability());
                return from + (int) ((to - from) * (at - before.atSeconds()) / span);
            }
            before = after;
        }
        return toBasisPoints(before.probability());
    }

    static int toBasisPoints(Price price) {
        return (int) (price.micros() / 100);
    }
}
