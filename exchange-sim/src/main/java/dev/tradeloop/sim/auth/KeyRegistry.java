package dev.tradeloop.sim.auth;

import dev.tradeloop.events.money.Money;
import dev.tradeloop.sim.config.SimConfig;
import dev.tradeloop.sim.exchange.SimExchange;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The accounts of the simulator and their registered public keys, as Kalshi keeps a key per API
 * key id. Keys are read at start from {@code tradeloop.sim.keys-dir}; each opens an account with
 * the starting balance.
 */
@ApplicationScoped
public class KeyRegistry {

    private static final String SUFFIX = ".pub.pem";
    /** Keys registered at run time are kept with the exchange as settings of this prefix. */
    private static final String KEPT = "api-key:";

    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
    private final SimConfig config;
    private final SimExchange exchange;

    public KeyRegistry(SimConfig config, SimExchange exchange) {
        this.config = config;
        this.exchange = exchange;
    }

    void onStart(@Observes StartupEvent start) {
        config.keysDir().map(Path::of).ifPresent(this::registerDirectory);
        exchange.settings(KEPT).forEach((name, pem) -> register(name.substring(KEPT.length()), parsePublicKey(pem)));
    }

    /** Registers a key given at run time (its PEM), keeps it with the exchange, and opens its account. */
    public void registerKept(String keyId, String publicKeyPem) {
        PublicKey key = parsePublicKey(publicKeyPem);
        exchange.putSetting(KEPT + keyId, publicKeyPem);
        register(keyId, key);
    }

    private void registerDirectory(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).forEach(file -> {
                String name = file.getFileName().toString();
                register(name.substring(0, name.length() - SUFFIX.length()), readPublicKey(file));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tradeloop.sim.keys-dir " + directory, e);
        }
    }

    /** Registers a key id with its public key and opens its account. */
    public void register(String keyId, PublicKey key) {
        keys.put(keyId, key);
        exchange.openAccount(keyId, startingBalances(config));
        Log.infof("account %s registered", keyId);
    }

    /** Each shard's starting cash: the starting balance on 0, and each {@code SHARD:DOLLARS} configured. */
    static Map<Integer, Money> startingBalances(SimConfig config) {
        Map<Integer, Money> balances = new TreeMap<>();
        balances.put(0, parse(config.startingBalance(), "tradeloop.sim.starting-balance"));
        for (String entry : config.shardStartingBalances().orElse(List.of())) {
            String key = "tradeloop.sim.shard-starting-balances";
            String[] parts = entry.trim().split(":");
            if (parts.length != 2 || !parts[0].matches("[0-9]{1,3}")) {
                throw new IllegalArgumentException(key + ": '" + entry + "' is not SHARD:DOLLARS, e.g. 2:2000.00");
            }
            balances.put(Integer.parseInt(parts[0]), parse(parts[1], key));
        }
        return balances;
    }

    private static Money parse(String dollars, String key) {
        try {
            Money money = Money.parse(dollars.trim());
            if (money.compareTo(Money.ZERO) < 0) {
                throw new IllegalArgumentException("it is negative");
            }
            return money;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": '" + dollars + "' is not an amount in dollars (" + e.getMessage()
                    + ")");
        }
    }

    public Optional<PublicKey> publicKey(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    static PublicKey readPublicKey(Path file) {
        try {
            return parsePublicKey(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException(file + " cannot be read (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not a PEM RSA public key");
        }
    }

    /** A PEM RSA public key; an {@link IllegalArgumentException} says what is wrong with it. */
    public static PublicKey parsePublicKey(String pem) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PEM RSA public key (" + e.getClass().getSimpleName() + ")");
        }
    }
}
