package dev.tradeloop.portfolio;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver on loopback standing for a Slack- or Discord-style incoming webhook: it
 * records every request and refuses the first {@link #FAILURES} with a 500, as a receiver that is
 * down for a moment would. The service under test is pointed at it.
 */
public class WebhookReceiver implements QuarkusTestResourceLifecycleManager {

    static final int FAILURES = 2;
    static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger SEEN = new AtomicInteger();

    /** What arrived: the idempotency key, the body, and the status it was answered. */
    record Request(String idempotencyKey, String body, int status) {
    }

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks/alerts", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = SEEN.incrementAndGet() <= FAILURES ? 500 : 204;
            REQUESTS.add(new Request(exchange.getRequestHeaders().getFirst("Idempotency-Key"), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return Map.of("tradeloop.alerts.webhook-url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/alerts",
                "tradeloop.alerts.first-retry", "200ms");
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
