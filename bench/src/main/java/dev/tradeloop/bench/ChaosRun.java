package dev.tradeloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.exchange.ExchangeEnvironment;
import dev.tradeloop.exchange.auth.ApiCredentials;
import dev.tradeloop.exchange.model.Fill;
import dev.tradeloop.exchange.model.MarketPosition;
import dev.tradeloop.exchange.model.Order;
import dev.tradeloop.exchange.model.Page;
import dev.tradeloop.exchange.rest.KalshiClient;
import dev.tradeloop.exchange.rest.RateLimits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The chaos run: the default scenario on the local stack (two instances of each service that
 * scales), with the exchange's faults armed and parts killed with SIGKILL at random moments, then
 * restarted; at the end every position is flattened and the invariants are checked against the
 * simulator's own books. One line per run, a summary; a failing run keeps its logs under
 * {@code bench/target/chaos-failures/seed-<seed>} and its seed, which replays it
 * ({@code ./bench/chaos.sh --runs 1 --seed <seed>}).
 */
public final class ChaosRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final List<String> KILLABLE = List.of("order-service", "order-service-2", "monitor-service",
            "monitor-service-2", "exit-service", "exit-service-2", "risk-service", "edge-service", "portfolio-service",
            "kafka", "postgres");
    private static final List<String> FAULTED_OPERATIONS = List.of("create", "cancel", "order", "orders", "fills",
            "positions", "balance", "orderbook");
    /** Breakers that close only by an operator's hand: one that closes by itself was undone by a restart. */
    private static final Set<String> MANUAL = Set.of("DAILY_LOSS", "DATABASE", "KILL_SWITCH", "RECONCILIATION");

    private final Path root;
    private final Path home;
    private final Duration chaosFor;
    private final List<String> log = new ArrayList<>();
    /** The breakers that tripped in this run, in order (the kill switch of the end excepted). */
    private final List<String> tripped = new ArrayList<>();

    private ChaosRun(Path root, Path home, Duration chaosFor) {
        this.root = root;
        this.home = home;
        this.chaosFor = chaosFor;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int runs = Integer.parseInt(options.getOrDefault("runs", "20"));
        long seed = Long.parseLong(options.getOrDefault("seed", String.valueOf(System.currentTimeMillis() % 100_000)));
        Path root = Path.of(options.getOrDefault("root", "..")).toAbsolutePath().normalize();
        Duration chaosFor = Duration.ofSeconds(Long.parseLong(options.getOrDefault("chaos-seconds", "150")));
        ChaosRun chaos = new ChaosRun(root, root.resolve("bench/target/chaos-home"), chaosFor);
        System.out.printf("chaos: %d runs from seed %d, %d s of chaos each, on %s%n", runs, seed, chaosFor.toSeconds(),
                root);
        List<Long> failed = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long runSeed = seed + run;
            Result result;
            try {
                result = chaos.run(runSeed);
            } catch (Exception e) {
                result = new Result(runSeed, 0, 0, 0, 0, 0, Money.ZERO, Money.ZERO, List.of(),
                        List.of("the run could not finish: " + e));
            }
            System.out.println(result.line(run + 1));
            if (!result.violations().isEmpty()) {
                failed.add(runSeed);
                chaos.keepLogs(runSeed, result);
            }
        }
        chaos.tradeloop("down");
        System.out.printf("chaos: %d of %d runs kept every invariant%s%n", runs - failed.size(), runs,
                failed.isEmpty() ? "" : "; failed seeds " + failed + " (logs in bench/target/chaos-failures)");
        System.exit(failed.isEmpty() ? 0 : 1);
    }

    /** What one run did and what it broke. */
    record Result(long seed, int faults, int kills, int positions, int orders, int fills, Money balanceChange,
            Money realized, List<String> tripped, List<String> violations) {

        String line(int number) {
            return String.format("run %2d seed %d: %d faults, %d kills; %d positions, %d orders, %d fills; balance %s,"
                    + " realized %s; tripped %s: %s", number, seed, faults, kills, positions, orders, fills,
                    balanceChange, realized, tripped.isEmpty() ? "nothing" : tripped,
                    violations.isEmpty() ? "OK" : "FAILED " + violations);
        }
    }

    Result run(long seed) throws Exception {
        Random random = new Random(seed);
        log.clear();
        tripped.clear();
        List<String> violations = new ArrayList<>();
        tradeloop("down");
        tradeloop("up", "--fresh", "--replicas", "order-service=2,monitor-service=2,exit-service=2");
        KalshiClient exchange = paperAccount();
        Money start = exchange.balance().dollars();
        Map<String, Boolean> breakersOpen = new HashMap<>();
        Set<String> resetByUs = new HashSet<>();
        int faults = 0;
        int kills = 0;
        Instant until = Instant.now().plus(chaosFor);
        while (Instant.now().isBefore(until)) {
            Thread.sleep(5_000 + random.nextInt(10_000)); // the moments are random: that is the point
            watchBreakers(breakersOpen, resetByUs, violations);
            if (random.nextInt(10) < 5) {
                armFault(random);
                faults++;
            } else {
                String part = KILLABLE.get(random.nextInt(KILLABLE.size()));
                note("SIGKILL " + part);
                kill(part);
                Thread.sleep(2_000 + random.nextInt(6_000));
                tradeloop("up");
                kills++;
            }
            resetWhatStopsTheStory(breakersOpen, resetByUs);
        }
        http("DELETE", 8100, "/sim/admin/faults", null);
        tradeloop("up");
        watchBreakers(breakersOpen, resetByUs, violations);
        resetWhatStopsTheStory(breakersOpen, resetByUs);
        operator("/risk/kill-switch", "{\"action\":\"FLATTEN\",\"reason\":\"the chaos run ends\"}");
        note("kill switch FLATTEN");
        boolean flat = awaitFlat(exchange, Duration.ofMinutes(4));
        watchBreakers(breakersOpen, resetByUs, violations);
        if (!flat) {
            violations.add("positions still open 4 minutes after flatten-all: exchange " + heldOnExchange(exchange)
                    + ", monitor " + openInPortfolio());
        }
        List<Order> orders = Page.all(cursor -> exchange.orders(Map.of(), cursor, 200));
        List<Fill> fills = Page.all(cursor -> exchange.fills(Map.of(), cursor, 200));
        violations.addAll(onePerIntent(orders));
        violations.addAll(everyFillOnce(fills));
        Money balanceChange = exchange.balance().dollars().minus(start);
        Money realized = Money.parse(get(8106, "/pnl").path("realizedPnl").asText("0"));
        if (!balanceChange.equals(realized)) {
            violations.add("the balance changed by " + balanceChange + " but the positions realized " + realized);
        }
        int positions = get(8106, "/positions?status=ALL").size();
        return new Result(seed, faults, kills, positions, orders.size(), fills.size(), balanceChange, realized,
                List.copyOf(tripped), violations);
    }

    /** Every intent reached the exchange at most once: no client order id on two orders. */
    private static List<String> onePerIntent(List<Order> orders) {
        Map<String, Integer> sent = new TreeMap<>();
        orders.forEach(order -> sent.merge(order.clientOrderId(), 1, Integer::sum));
        return sent.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> "order " + e.getKey() + " sent " + e.getValue() + " times").toList();
    }

    /** Every fill on the exchange recorded exactly once by the loop (the read side's fills, by trade id). */
    private List<String> everyFillOnce(List<Fill> onExchange) throws IOException, InterruptedException {
        Map<String, Integer> recorded = new HashMap<>();
        for (JsonNode position : get(8106, "/positions?status=ALL")) {
            for (JsonNode fill : get(8106, "/positions/" + position.path("positionId").asText()).path("fills")) {
                recorded.merge(fill.path("tradeId").asText(), 1, Integer::sum);
            }
        }
        List<String> violations = new ArrayList<>();
        for (Fill fill : onExchange) {
            int times = recorded.getOrDefault(fill.dedupeId(), 0);
            if (times != 1) {
                violations.add("fill " + fill.dedupeId() + " (" + fill.countFp() + " on " + fill.ticker()
                        + ") recorded " + times + " times");
            }
        }
        Set<String> exchangeIds = new HashSet<>();
        onExchange.forEach(fill -> exchangeIds.add(fill.dedupeId()));
        recorded.keySet().stream().filter(id -> !exchangeIds.contains(id))
                .forEach(id -> violations.add("fill " + id + " recorded but not on the exchange"));
        return violations;
    }

    /** A manual breaker that was open and is closed now, though nobody reset it, was undone by a restart. */
    private void watchBreakers(Map<String, Boolean> open, Set<String> resetByUs, List<String> violations) {
        Optional<JsonNode> state = tryGet(8102, "/risk/state");
        if (state.isEmpty()) {
            return;
        }
        for (JsonNode breaker : state.get().path("breakers")) {
            String name = breaker.path("name").asText();
            boolean isOpen = breaker.path("open").asBoolean();
            Boolean was = open.put(name, isOpen);
            if (Boolean.TRUE.equals(was) && !isOpen && MANUAL.contains(name) && !resetByUs.remove(name)) {
                violations.add("the " + name + " breaker was open and closed without a reset");
            }
            if (!Boolean.TRUE.equals(was) && isOpen) {
                note("breaker " + name + " tripped: " + breaker.path("reason").asText());
                if (!name.equals("KILL_SWITCH")) {
                    tripped.add(name);
                }
            }
        }
    }

    /**
     * The operator's part: a database breaker tripped by killing PostgreSQL halts everything, so the
     * story could not go on; once the database is back, the chaos operator resets it (as a person
     * would), and says so. A reconciliation mismatch is noted (the invariants decide) and reset too.
     */
    private void resetWhatStopsTheStory(Map<String, Boolean> open, Set<String> resetByUs) {
        for (String name : List.of("DATABASE", "RECONCILIATION", "DAILY_LOSS")) {
            if (Boolean.TRUE.equals(open.get(name))) {
                note("the chaos operator resets " + name);
                if (operator("/risk/breakers/" + name + "/reset", "")) {
                    resetByUs.add(name);
                }
            }
        }
    }

    private boolean awaitFlat(KalshiClient exchange, Duration deadline) throws InterruptedException {
        Instant until = Instant.now().plus(deadline);
        while (Instant.now().isBefore(until)) {
            try {
                if (heldOnExchange(exchange).isEmpty() && openInPortfolio().isEmpty()) {
                    return true;
                }
            } catch (RuntimeException | IOException e) {
                note("not flat yet: " + e.getMessage());
            }
            Thread.sleep(2_000);
        }
        return false;
    }

    private static Map<String, String> heldOnExchange(KalshiClient exchange) {
        Map<String, String> held = new TreeMap<>();
        for (MarketPosition position : Page.all(cursor -> exchange.positions(cursor, 200))) {
            if (!position.size().isZero()) {
                held.put(position.ticker(), position.positionFp());
            }
        }
        return held;
    }

    private List<String> openInPortfolio() throws IOException, InterruptedException {
        List<String> open = new ArrayList<>();
        get(8106, "/positions?status=OPEN").forEach(position -> open.add(position.path("positionId").asText()));
        return open;
    }

    private void armFault(Random random) throws IOException, InterruptedException {
        int pick = random.nextInt(6);
        String operation = FAULTED_OPERATIONS.get(random.nextInt(FAULTED_OPERATIONS.size()));
        int count = 1 + random.nextInt(3);
        String body = switch (pick) {
            case 0 -> "{\"kind\":\"RATE_LIMIT\",\"operation\":\"" + operation + "\",\"count\":" + count + "}";
            case 1 -> "{\"kind\":\"SERVER_ERROR\",\"operation\":\"" + operation + "\",\"count\":" + count + "}";
            case 2 -> "{\"kind\":\"TIMEOUT\",\"operation\":\"" + operation + "\",\"count\":1,\"delay_ms\":"
                    + (5_000 + random.nextInt(10_000)) + "}";
            case 3 -> "{\"kind\":\"RESPONSE_LOST\",\"operation\":\"create\",\"count\":1,\"delay_ms\":"
                    + (1_000 + random.nextInt(4_000)) + "}";
            case 4 -> "{\"kind\":\"FILLS_LAG\",\"operation\":\"fills\",\"count\":" + count + ",\"delay_ms\":"
                    + (2_000 + random.nextInt(3_000)) + "}";
            default -> "{\"kind\":\"DROP_CONNECTIONS\"}";
        };
        note("fault " + body);
        try {
            http("POST", 8100, "/sim/admin/faults", body);
        } catch (IOException e) {
            note("the simulator refused the fault: " + e.getMessage()); // it may be down: a kill is part of the run
        }
    }

    private void kill(String part) throws IOException, InterruptedException {
        Path pidFile = home.resolve("pids").resolve(part + ".pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String pid = Files.readString(pidFile).trim();
        // a part crashes whole: PostgreSQL's part is a Java wrapper whose server and backends (which share the
        // listening socket) would outlive it; every process under it is named first, then all are killed
        List<String> tree = new ArrayList<>(List.of(pid));
        for (int i = 0; i < tree.size(); i++) {
            Process children = new ProcessBuilder("pgrep", "-P", tree.get(i)).start();
            tree.addAll(new String(children.getInputStream().readAllBytes()).lines().toList());
            children.waitFor();
        }
        List<String> command = new ArrayList<>(List.of("kill", "-9"));
        command.addAll(tree);
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private boolean operator(String path, String body) {
        try {
            String token = Files.readString(home.resolve("keys/operator.token")).trim();
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8102" + path))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .header("X-Operator-Token", token).header("X-Operator", "chaos")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            note("operator " + path + " failed: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private KalshiClient paperAccount() throws IOException {
        Path keys = home.resolve("keys");
        ApiCredentials credentials = ApiCredentials.resolve(Optional.of(Files.readString(keys.resolve("paper.key-id"))
                .trim()), Optional.of(keys.resolve("paper.key.pem")), Map.of()).orElseThrow();
        return new KalshiClient(ExchangeEnvironment.of("http://127.0.0.1:8100/trade-api/v2", false), Optional.of(credentials),
                RateLimits.BASIC, Duration.ofSeconds(10), Clock.systemUTC());
    }

    void tradeloop(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("tradeloop").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TRADELOOP_HOME", home.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        int code = process.waitFor();
        note("./tradeloop " + String.join(" ", args) + " -> " + code);
        if (code != 0 && !args[0].equals("down")) {
            note(out);
        }
    }

    private JsonNode get(int port, String path) throws IOException, InterruptedException {
        return JSON.readTree(http("GET", port, path, null));
    }

    private Optional<JsonNode> tryGet(int port, String path) {
        try {
            return Optional.of(get(port, path));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String http(String method, int port, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 400) {
            throw new IOException(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private void note(String line) {
        log.add(Instant.now() + " " + line);
    }

    /** A failing run's logs, with what the chaos did, to replay and read. */
    private void keepLogs(long seed, Result result) throws IOException {
        Path kept = root.resolve("bench/target/chaos-failures/seed-" + seed);
        Files.createDirectories(kept);
        Files.write(kept.resolve("chaos.log"), log);
        Files.writeString(kept.resolve("violations.txt"), String.join("\n", result.violations()) + "\n");
        Path logs = home.resolve("logs");
        if (Files.isDirectory(logs)) {
            try (var files = Files.list(logs)) {
                for (Path file : files.toList()) {
                    Files.copy(file, kept.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: chaos.sh [--runs N] [--seed S] [--chaos-seconds 150]; not "
                        + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
