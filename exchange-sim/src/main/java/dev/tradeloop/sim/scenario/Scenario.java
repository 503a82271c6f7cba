package dev.tradeloop.sim.scenario;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.events.money.PriceGrid;
import java.util.List;
import java.util.Optional;

/**
 * A scripted market session: the markets, the hidden "true" probability of each over time (a
 * seeded random walk or a path of points), how the simulated makers quote around it, how much noise
 * trading makes volume, when each market settles, its price level structure (whole cents unless it
 * names another of Kalshi's), its exchange shard (0 unless it says {@code exchange_index}), and the model whose noisy predictions go with it.
 * Read from JSON; the same file and seed always give the same session.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Scenario(String name, Optional<String> description, long seed, long stepMillis, List<MarketScript> markets,
        Optional<ModelScript> model) {

    public Scenario {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("scenario name is required");
        }
        description = description == null ? Optional.empty() : description;
        if (stepMillis < 100) {
            throw new IllegalArgumentException("step_millis must be at least 100, not " + stepMillis);
        }
        if (markets == null || markets.isEmpty()) {
            throw new IllegalArgumentException("scenario " + name + " has no markets");
        }
        model = model == null ? Optional.empty() : model;
    }

    /** One market of the scenario. Times are seconds from the scenario's start. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MarketScript(
            String ticker,
            String eventTicker,
            String title,
            long closeAfterSeconds,
            Price startProbability,
            Optional<Integer> walkBasisPoints,
            List<PathPoint> path,
            Optional<Integer> makerBiasBasisPoints,
            List<BiasPoint> makerBiasPath,
            Price spread,
            List<SpreadPoint> spreadPath,
            Contracts depth,
            Integer noiseTradesPerStep,
            Contracts noiseTradeSize,
            Optional<Settlement> settle,
            String priceLevelStructure,
            Integer exchangeIndex) {

        public MarketScript {
            if (ticker == null || eventTicker == null) {
                throw new IllegalArgumentException("a scenario market needs ticker and event_ticker");
            }
            if (closeAfterSeconds <= 0) {
                throw new IllegalArgumentException(ticker + ": close_after_seconds must be positive");
            }
            if (startProbability == null) {
                throw new IllegalArgumentException(ticker + ": start_probability is required");
            }
            walkBasisPoints = walkBasisPoints == null ? Optional.empty() : walkBasisPoints;
            makerBiasBasisPoints = makerBiasBasisPoints == null ? Optional.empty() : makerBiasBasisPoints;
            path = path == null ? List.of() : List.copyOf(path);
            makerBiasPath = makerBiasPath == null ? List.of() : List.copyOf(makerBiasPath);
            spread = spread == null ? Price.ofCents(2) : spread;
            spreadPath = spreadPath == null ? List.of() : List.copyOf(spreadPath);
            depth = depth == null ? Contracts.whole(50) : depth;
            noiseTradesPerStep = noiseTradesPerStep == null ? 0 : noiseTradesPerStep;
            noiseTradeSize = noiseTradeSize == null ? Contracts.whole(5) : noiseTradeSize;
            settle = settle == null ? Optional.empty() : settle;
            title = title == null ? ticker : title;
            priceLevelStructure = priceLevelStructure == null ? "linear_cent" : priceLevelStructure;
            exchangeIndex = exchangeIndex == null ? 0 : exchangeIndex;
            if (exchangeIndex < 0) {
                throw new IllegalArgumentException(ticker + ": exchange_index must be 0 or more, not " + exchangeIndex);
            }
            try {
                PriceGrid.named(priceLevelStructure);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ticker + ": price_level_structure: " + e.getMessage());
            }
        }

        /**
         * How far the makers quote from the truth {@code elapsedSeconds} in, in basis points: along
         * {@code maker_bias_path} (in a straight line between its points) when it has any, else
         * {@code maker_bias_basis_points}. Makers that catch up with the truth take a model's edge away.
         */
        public int makerBiasAt(long elapsedSeconds) {
            if (makerBiasPath.isEmpty()) {
                return makerBiasBasisPoints.orElse(0);
            }
            BiasPoint before = makerBiasPath.get(0);
            if (elapsedSeconds <= before.atSeconds()) {
                return before.basisPoints();
            }
            for (BiasPoint after : makerBiasPath.subList(1, makerBiasPath.size())) {
                if (elapsedSeconds <= after.atSeconds()) {
                    long span = after.atSeconds() - before.atSeconds();
                    return before.basisPoints() + (int) ((after.basisPoints() - before.basisPoints())
                            * (elapsedSeconds - before.atSeconds()) / span);
                }
                before = after;
            }
            return before.basisPoints();
        }

        /** The makers' spread {@code elapsedSeconds} in: that of the last {@code spread_path} point reached, else {@code spread}. */
        public Price spreadAt(long elapsedSeconds) {
            Price now = spread;
            for (SpreadPoint point : spreadPath) {
                if (elapsedSeconds >= point.atSeconds()) {
                    now = point.spread();
                }
            }
            return now;
        }
    }

    /** From a time on, the makers quote this spread (liquidity drying up, or coming back). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SpreadPoint(long atSeconds, Price spread) {
    }

    /** The makers' bias at a time, in basis points of probability. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BiasPoint(long atSeconds, int basisPoints) {
    }

    /** The true probability at a time; between points it moves in a straight line. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PathPoint(long atSeconds, Price probability) {
    }

    /** When a market resolves, and how. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Settlement(long atSeconds, String result) {

        public Settlement {
            if (!"yes".equals(result) && !"no".equals(result)) {
                throw new IllegalArgumentException("settle.result must be 'yes' or 'no', not " + result);
            }
        }
    }

    /** The paper-trading model: the true probability plus bounded noise, every so often. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ModelScript(String modelId, String modelVersion, int noiseBasisPoints, Price confidence,
            long everySeconds) {
    }
}
