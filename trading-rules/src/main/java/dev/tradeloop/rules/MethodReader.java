package dev.tradeloop.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tradeloop.events.ExecutionStrategy;
import dev.tradeloop.events.ExitExecution;
import dev.tradeloop.events.ExitPriority;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one method file and checks every setting: present, of the right kind, within its range,
 * and no key it does not know (a typo would otherwise silently fall back to nothing). Every error
 * names the method, its version and the key: {@code method kelly-quarter v1: exits.trailing_stop.floor: ...}.
 */
public final class MethodReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final BigDecimal ZERO = BigDecimal.ZERO;
    private static final BigDecimal ONE = BigDecimal.ONE;

    private final JsonNode root;
    private final Set<String> read = new HashSet<>();
    private String where = "method file";

    private MethodReader(JsonNode root) {
        this.root = root;
    }

    public static Method read(Path file) {
        try {
            return parse(Files.readString(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new InvalidMethodException("method file " + file + " cannot be read: " + e.getMessage());
        }
    }

    public static Method parse(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new InvalidMethodException(source + " is not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidMethodException(source + " holds no method");
        }
        return new MethodReader(root).method(source);
    }

    private Method method(String source) {
        where = source;
        String id = text("id");
        int version = integer("version", 1, Integer.MAX_VALUE);
        where = "method " + id + " v" + version;
        Method method = new Method(new MethodRef(id, version), text("description"),
                new Method.Entry(decimal("entry.min_edge", ZERO, ONE), decimal("entry.min_confidence", ZERO, ONE),
                        contracts("entry.min_volume"), price("entry.max_spread"),
                        seconds("entry.max_price_age_seconds"), seconds("entry.fill_timeout_seconds"),
                        price("entry.walk_step"), price("entry.slippage_cap")),
                new Method.Sizing(decimal("sizing.kelly_fraction", ZERO, ONE), money("sizing.min_position"),
                        money("sizing.max_position")),
                new Method.RiskLimits(integer("risk.max_open_positions", 1, 10_000), money("risk.max_total_exposure"),
                        money("risk.max_event_exposure"), money("risk.daily_loss_limit"), price("risk.min_order_price"),
                        price("risk.max_order_price"), price("risk.price_collar"),
                        contracts("risk.max_contracts_per_order")),
                exits(),
                new Method.Monitoring(seconds("monitoring.mark_interval_seconds"),
                        seconds("monitoring.urgent_interval_seconds"), decimal("monitoring.near_threshold", ZERO, ONE),
                        price("monitoring.mark_step"), millisOr("monitoring.marks_at_most_every_ms", 100, 60_000,
                                Method.Monitoring.MARKS_AT_MOST_EVERY)));
        checkConsistency(method);
        refuseUnknownKeys(root, "");
        return method;
    }

    private Method.Exits exits() {
        List<Method.Stage> stages = new ArrayList<>();
        JsonNode stageNodes = node("exits.partial_exits.stages");
        for (int i = 0; i < stageNodes.size(); i++) {
            String at = "exits.partial_exits.stages[" + i + "]";
            stages.add(new Method.Stage(decimal(at + ".at_pct", ZERO, BigDecimal.TEN),
                    decimal(at + ".fraction_of_original", ZERO, ONE)));
        }
        Map<ExitPriority, ExitExecution> execution = new EnumMap<>(ExitPriority.class);
        for (ExitPriority priority : ExitPriority.values()) {
            String at = "exits.execution." + priority.name();
            ExecutionStrategy strategy = strategy(at + ".strategy");
            execution.put(priority, new ExitExecution(strategy, seconds(at + ".fill_timeout_seconds"),
                    integer(at + ".max_walks", 0, 100), bool(at + ".market_fallback")));
        }
        return new Method.Exits(decimal("exits.stop_loss_pct", ONE.negate(), ZERO),
                new Method.ConfidenceBands(decimal("exits.confidence_bands.high", ZERO, ONE),
                        decimal("exits.confidence_bands.medium", ZERO, ONE)),
                new Method.ProfitTargets(decimal("exits.profit_targets.high", ZERO, BigDecimal.TEN),
                        decimal("exits.profit_targets.medium", ZERO, BigDecimal.TEN),
                        decimal("exits.profit_targets.low", ZERO, BigDecimal.TEN)),
                new Method.TrailingStop(decimal("exits.trailing_stop.activation_pct", ZERO, BigDecimal.TEN),
                        decimal("exits.trailing_stop.initial_distance", ZERO, ONE),
                        decimal("exits.trailing_stop.tightening", ZERO, ONE),
                        decimal("exits.trailing_stop.tighten_every_pct", new BigDecimal("0.0001"), BigDecimal.TEN),
                        decimal("exits.trailing_stop.floor", ZERO, ONE)),
                new Method.PartialExits(bool("exits.partial_exits.enabled"), List.copyOf(stages)),
                Duration.ofMinutes(integer("exits.urgent_before_close_minutes", 0, 10_000)),
                new Method.Liquidity(price("exits.liquidity.max_spread"), contracts("exits.liquidity.min_volume")),
                decimal("exits.early_exit_edge", ONE.negate(), ONE), execution);
    }

    private void checkConsistency(Method method) {
        if (method.sizing().minPosition().compareTo(method.sizing().maxPosition()) > 0) {
            throw invalid("sizing.min_position", "is above sizing.max_position");
        }
        if (method.risk().minOrderPrice().compareTo(method.risk().maxOrderPrice()) > 0) {
            throw invalid("risk.min_order_price", "is above risk.max_order_price");
        }
        if (method.exits().trailingStop().floor().compareTo(method.exits().trailingStop().initialDistance()) > 0) {
            throw invalid("exits.trailing_stop.floor", "is above exits.trailing_stop.initial_distance");
        }
        BigDecimal sold = method.exits().partialExits().stages().stream()
                .map(Method.Stage::fractionOfOriginal).reduce(ZERO, BigDecimal::add);
        if (sold.compareTo(ONE) > 0) {
            throw invalid("exits.partial_exits.stages", "sell " + sold.toPlainString() + " of the position, more than all of it");
        }
    }

    // --- One setting each ---

    private JsonNode node(String key) {
        JsonNode node = at(key);
        if (node.isMissingNode() || node.isNull()) {
            throw invalid(key, "is missing");
        }
        read.add(key);
        return node;
    }

    /** What the method says at {@code key}, or a missing node. */
    private JsonNode at(String key) {
        JsonNode node = root;
        for (String part : key.replace("[", ".[").split("\\.")) {
            node = part.startsWith("[") ? node.path(Integer.parseInt(part.substring(1, part.length() - 1))) : node.path(part);
        }
        return node;
    }

    private String text(String key) {
        JsonNode node = node(key);
        if (!node.isTextual() || node.asText().isBlank()) {
            throw invalid(key, "must be a non-empty text");
        }
        return node.asText();
    }

    private int integer(String key, int min, int max) {
        JsonNode node = node(key);
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < min || node.asInt() > max) {
            throw invalid(key, "must be a whole number from " + min + " to " + max + ", not " + node);
        }
        return node.asInt();
    }

    private boolean bool(String key) {
        JsonNode node = node(key);
        if (!node.isBoolean()) {
            throw invalid(key, "must be true or false, not " + node);
        }
        return node.asBoolean();
    }

    /** Decimals are written as quoted strings so YAML never turns them into floats. */
    private BigDecimal decimal(String key, BigDecimal min, BigDecimal max) {
        JsonNode node = node(key);
        if (!node.isTextual()) {
            throw invalid(key, "must be a quoted decimal such as \"0.05\", not " + node);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(node.asText());
        } catch (NumberFormatException e) {
            throw invalid(key, "'" + node.asText() + "' is not a decimal");
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw invalid(key, value.toPlainString() + " is outside [" + min.toPlainString() + ", " + max.toPlainString() + "]");
        }
        return value;
    }

    private Price price(String key) {
        return Price.of(decimal(key, ZERO, ONE));
    }

    private Money money(String key) {
        return Money.of(decimal(key, ZERO, new BigDecimal("100000000")));
    }

    private Contracts contracts(String key) {
        try {
            return Contracts.parse(decimal(key, ZERO, new BigDecimal("100000000")).toPlainString());
        } catch (IllegalArgumentException e) {
            throw invalid(key, e.getMessage());
        }
    }

    private Duration seconds(String key) {
        return Duration.ofSeconds(integer(key, 1, 86_400));
    }

    /** A setting a method may leave out (one added after methods were written): {@code otherwise} then. */
    private Duration millisOr(String key, int min, int max, Duration otherwise) {
        return at(key).isMissingNode() ? otherwise : Duration.ofMillis(integer(key, min, max));
    }

    private ExecutionStrategy strategy(String key) {
        String name = text(key);
        try {
            return ExecutionStrategy.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw invalid(key, "'" + name + "' is not a strategy; use IMMEDIATE_MARKET, WALK_THEN_MARKET, WALK_PRICE or WALK_SLOWLY");
        }
    }

    private void refuseUnknownKeys(JsonNode node, String prefix) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseUnknownKeys(node.get(i), prefix + "[" + i + "]");
            }
            return;
        }
        if (!node.isObject()) {
            if (!read.contains(prefix)) {
                throw invalid(prefix, "is not a setting any method has");
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            refuseUnknownKeys(field.getValue(), prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey());
        }
    }

    private InvalidMethodException invalid(String key, String problem) {
        return new InvalidMethodException(where + ": " + key + " " + problem);
    }
}
