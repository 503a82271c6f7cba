package dev.tradeloop.exchange.cli;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The parsed command line of {@code ./tradeloop exchange}. */
record Arguments(String command, String ticker, String env, Optional<String> baseUrl, Optional<String> keyId,
        Optional<String> keyFile, boolean productionConfirmed, Optional<String> status, List<String> series) {

    private static final Set<String> COMMANDS = Set.of("markets", "market", "orderbook", "balance", "positions",
            "orders", "fills", "check", "probe");
    private static final Set<String> PRIVATE = Set.of("balance", "positions", "orders", "fills", "check", "probe");
    private static final Set<String> NEED_TICKER = Set.of("market", "orderbook");

    boolean isPrivate() {
        return PRIVATE.contains(command);
    }

    static Arguments parse(String[] args) {
        List<String> words = List.of(args);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("no command given");
        }
        String command = words.get(0);
        if (!COMMANDS.contains(command)) {
            throw new IllegalArgumentException("unknown command '" + command + "'");
        }
        String ticker = null;
        String env = "sim";
        Optional<String> baseUrl = Optional.empty();
        Optional<String> keyId = Optional.empty();
        Optional<String> keyFile = Optional.empty();
        Optional<String> status = Optional.empty();
        List<String> series = List.of();
        boolean production = false;
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "--env" -> env = value(words, ++i, word);
                case "--base-url" -> baseUrl = Optional.of(value(words, ++i, word));
                case "--key-id" -> keyId = Optional.of(value(words, ++i, word));
                case "--key-file" -> keyFile = Optional.of(value(words, ++i, word));
                case "--status" -> status = Optional.of(value(words, ++i, word));
                case "--series" -> series = List.of(value(words, ++i, word).split(","));
                case "--market" -> ticker = value(words, ++i, word);
                case "--i-mean-production" -> production = true;
                default -> {
                    if (word.startsWith("--") || ticker != null || !NEED_TICKER.contains(command)) {
                        throw new IllegalArgumentException("unexpected '" + word + "'");
                    }
                    ticker = word;
                }
            }
        }
        if (NEED_TICKER.contains(command) && ticker == null) {
            throw new IllegalArgumentException("'" + command + "' needs a TICKER");
        }
        return new Arguments(command, ticker, env, baseUrl, keyId, keyFile, production, status, series);
    }

    private static String value(List<String> words, int index, String flag) {
        if (index >= words.size()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return words.get(index);
    }
}
