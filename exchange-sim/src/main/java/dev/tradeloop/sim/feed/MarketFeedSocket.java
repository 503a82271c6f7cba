package dev.tradeloop.sim.feed;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/** Kalshi's WebSocket endpoint, {@code /trade-api/ws/v2}: commands in, channel messages out. */
@WebSocket(path = "/trade-api/ws/v2")
public class MarketFeedSocket {

    private final FeedHub hub;

    public MarketFeedSocket(FeedHub hub) {
        this.hub = hub;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        hub.connected(connection, connection.userData().get(SignedUpgradeCheck.ACCOUNT));
    }

    @OnTextMessage
    void command(String text, WebSocketConnection connection) {
        hub.command(connection, text);
    }

    @OnClose
    void close(WebSocketConnection connection) {
        hub.disconnected(connection);
    }
}
