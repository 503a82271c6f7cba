package dev.tradeloop.events.money;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A market's valid prices: Kalshi's {@code price_ranges}, bands of {@code {start, end, step}} in
 * which a price is valid when it is a whole number of steps from the band's start. Kalshi refuses
 * an order at any other price, so every price the system sends is snapped onto its market's grid
 * first: a buy down ({@link #atOrBelow}), a sell up ({@link #atOrAbove}), never past what the rule
 * asked. A price for an order also lies strictly between 0 and 1.
 */
public record PriceGrid(List<Band> bands) {

    /** One band: the prices {@code start, start + step, ...} up to {@code end}. */
    public record Band(Price start, Price end, Price step) {
        public Band {
            if (step.micros() <= 0 || start.compareTo(end) >= 0) {
                throw new IllegalArgumentException("a price band needs start < end and a positive step: "
                        + start + " to " + end + " by " + step);
            }
        }

        boolean holds(long micros) {
            return micros >= start.micros() && micros <= end.micros() && (micros - start.micros()) % step.micros() == 0;
        }

        /** The highest price of the band at or below {@code micros}, if the band has one. */
        Optional<Long> floor(long micros) {
            if (micros < start.micros()) {
                return Optional.empty();
            }
            long capped = Math.min(micros, end.micros());
            return Optional.of(capped - (capped - start.micros()) % step.micros());
        }

        /** The lowest price of the band at or above {@code micros}, if the band has one. */
        Optional<Long> ceiling(long micros) {
            if (micros > end.micros()) {
                return Optional.empty();
            }
            long from = Math.max(micros, start.micros());
            long over = (from - start.micros()) % step.micros();
            long up = over == 0 ? from : from + step.micros() - over;
            return up <= end.micros() ? Optional.of(up) : Optional.empty();
        }
    }

    public PriceGrid {
        if (bands == null || bands.isEmpty()) {
            throw new IllegalArgumentException("a price grid needs at least one band");
        }
        bands = List.copyOf(bands);
    }

    private static final Map<String, List<long[]>> STRUCTURES = Map.ofEntries(
            structure("linear_cent", 10_000, 10_000, 0),
            structure("deci_cent", 1_000, 1_000, 0),
            structure("tapered_deci_cent", 10_000, 1_000, 100_000),
            structure("center_whole_edge_half_cent", 10_000, 5_000, 100_000),
            structure("center_whole_edge_quint_cent", 10_000, 2_000, 100_000),
            structure("center_half_edge_half_cent", 5_000, 5_000, 0),
            structure("center_half_edge_quint_cent", 5_000, 2_000, 100_000),
            structure("center_half_edge_deci_cent", 5_000, 1_000, 100_000),
            structure("center_quint_edge_quint_cent", 2_000, 2_000, 0),
            structure("center_quint_edge_deci_cent", 2_000, 1_000, 100_000),
            structure("center_centi_edge_centi_cent", 100, 100, 0),
            structure("center_deci_edge_centi_cent", 1_000, 100, 10_000));

    /** Whole cents from 0 to 1: the grid of most markets, and of a market that publishes none. */
    public static PriceGrid linearCent() {
        return named("linear_cent");
    }

    /**
     * The grid of a price level structure Kalshi names (its fixed-point migration guide), for the
     * simulator's markets and for tests; a real market's grid is read from its {@code price_ranges}.
     */
    public static PriceGrid named(String structure) {
        List<long[]> bands = STRUCTURES.get(structure);
        if (bands == null) {
            throw new IllegalArgumentException("no price level structure is named " + structure);
        }
        return new PriceGrid(bands.stream()
                .map(band -> new Band(new Price(band[0]), new Price(band[1]), new Price(band[2]))).toList());
    }

    /** Whether an order may carry {@code price} on this market. */
    public boolean isValid(Price price) {
        return price.micros() > 0 && price.micros() < Price.ONE.micros()
                && bands.stream().anyMatch(band -> band.holds(price.micros()));
    }

    /** The highest valid order price at or below {@code price} (a buy's limit): empty below the lowest. */
    public Optional<Price> atOrBelow(Price price) {
        return bands.stream().map(band -> band.floor(Math.min(price.micros(), Price.ONE.micros() - 1)))
                .flatMap(Optional::stream).filter(micros -> micros > 0).max(Comparator.naturalOrder()).map(Price::new);
    }

    /** The lowest valid order price at or above {@code price} (a sell's limit): empty above the highest. */
    public Optional<Price> atOrAbove(Price price) {
        return bands.stream().map(band -> band.ceiling(Math.max(price.micros(), 1)))
                .flatMap(Optional::stream).filter(micros -> micros < Price.ONE.micros())
                .min(Comparator.naturalOrder()).map(Price::new);
    }

    /** The lowest valid order price. */
    public Price lowest() {
        return atOrAbove(Price.ZERO).orElseThrow();
    }

    /** The highest valid order price. */
    public Price highest() {
        return atOrBelow(Price.ONE).orElseThrow();
    }

    /**
     * The valid price nearest {@code price}, between {@link #lowest} and {@link #highest}; halfway
     * between two, the higher (a sell's floor then gives away no more than the rule allows).
     */
    public Price nearest(Price price) {
        Optional<Price> below = atOrBelow(price);
        Optional<Price> above = atOrAbove(price);
        if (below.isEmpty() || above.isEmpty()) {
            return below.isEmpty() ? lowest() : highest();
        }
        long down = price.micros() - below.get().micros();
        long up = above.get().micros() - price.micros();
        return down < up ? below.get() : above.get();
    }

    /**
     * The same grid in the other side's prices: Kalshi publishes a market's grid in YES prices, and
     * a NO price {@code p} is the YES price {@code 1 − p}.
     */
    public PriceGrid mirrored() {
        return new PriceGrid(bands.stream()
                .map(band -> new Band(band.end().complement(), band.start().complement(), band.step()))
                .toList());
    }

    /** The band layout of a structure: its center step, its edge step and how far from 0 and 1 the edges reach. */
    private static Map.Entry<String, List<long[]>> structure(String name, long center, long edge, long edgeWidth) {
        if (edgeWidth == 0) {
            return Map.entry(name, List.<long[]>of(new long[] {0, 1_000_000, center}));
        }
        return Map.entry(name, List.of(new long[] {0, edgeWidth, edge},
                new long[] {edgeWidth, 1_000_000 - edgeWidth, center},
                new long[] {1_000_000 - edgeWidth, 1_000_000, edge}));
    }
}
