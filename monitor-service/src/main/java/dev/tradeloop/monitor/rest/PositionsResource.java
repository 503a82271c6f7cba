package dev.tradeloop.monitor.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tradeloop.events.json.Json;
import dev.tradeloop.monitor.streams.LivePositions;
import dev.tradeloop.monitor.streams.MonitorTopology;
import dev.tradeloop.monitor.streams.RestoringStores;
import dev.tradeloop.rules.position.Position;
import io.quarkus.logging.Log;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /positions} and {@code GET /positions/{id}} from the monitor's state stores (interactive
 * queries), each with the mark it last sent ({@link LivePositions}). Each instance holds the positions
 * of its partitions; a query asks every other instance of the application for theirs
 * ({@code ?scope=local}), so any instance answers for all positions; or 503 while a store of this
 * instance or of another is being restored, rather than part of them. (An instance that does not answer
 * at all is still left out, with a warning: issue 17 goes on.)
 */
@Path("/positions")
@Produces(MediaType.APPLICATION_JSON)
public class PositionsResource {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final KafkaStreams streams;
    private final RestoringStores restoring;
    private final LivePositions live;
    private final String self;

    public PositionsResource(KafkaStreams streams, RestoringStores restoring, LivePositions live,
            @ConfigProperty(name = "quarkus.kafka-streams.application-server") String self) {
        this.streams = streams;
        this.restoring = restoring;
        this.live = live;
        this.self = self;
    }

    /** Part of the positions is not an answer: an operator would take the missing ones for closed. */
    private static final class Incomplete extends Exception {
        Incomplete(String why) {
            super(why);
        }
    }

    @GET
    public Response positions(@QueryParam("scope") @DefaultValue("all") String scope,
            @QueryParam("open") Boolean open, @QueryParam("market") String market) {
        List<PositionView> found;
        try {
            found = new ArrayList<>(local());
            if (!scope.equals("local")) {
                found.addAll(remote());
            }
        } catch (Incomplete incomplete) {
            return Response.status(503).entity(Map.of("error", incomplete.getMessage())).build();
        }
        List<PositionView> answer = found.stream()
                .filter(p -> open == null || p.closed() != open)
                .filter(p -> market == null || p.marketTicker().equals(market))
                .sorted(Comparator.comparing(PositionView::positionId)).toList();
        return Response.ok(answer).build();
    }

    @GET
    @Path("/{positionId}")
    public Response position(@PathParam("positionId") String positionId) {
        Response all = positions("all", null, null);
        if (all.getStatus() != 200) {
            return all;
        }
        @SuppressWarnings("unchecked")
        List<PositionView> views = (List<PositionView>) all.getEntity();
        return views.stream().filter(p -> p.positionId().equals(positionId)).findFirst()
                .map(p -> Response.ok(p).build())
                .orElseGet(() -> Response.status(404).entity(Map.of("error", "no position " + positionId)).build());
    }

    private List<PositionView> local() throws Incomplete {
        if (restoring.any()) {
            throw new Incomplete("the positions are being restored from their changelog");
        }
        List<PositionView> views = new ArrayList<>();
        try {
            ReadOnlyKeyValueStore<String, Position> store = streams.store(StoreQueryParameters.fromNameAndType(
                    MonitorTopology.POSITIONS, QueryableStoreTypes.keyValueStore()));
            try (KeyValueIterator<String, Position> all = store.all()) {
                all.forEachRemaining(entry -> views.add(PositionView.of(live.latest(entry.value))));
            }
        } catch (InvalidStateStoreException notReady) {
            throw new Incomplete("the positions are being restored: " + notReady.getMessage());
        }
        return views;
    }

    private List<PositionView> remote() throws Incomplete {
        List<PositionView> views = new ArrayList<>();
        for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
            HostInfo host = instance.hostInfo();
            if ((host.host() + ":" + host.port()).equals(self)) {
                continue;
            }
            URI uri = URI.create("http://" + host.host() + ":" + host.port() + "/positions?scope=local");
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 503) {
                    throw new Incomplete("instance " + host + " is restoring its positions: " + answer.body());
                }
                views.addAll(Json.mapper().readValue(answer.body(), new TypeReference<List<PositionView>>() { }));
            } catch (IOException e) {
                Log.warnf("instance %s did not answer for its positions: %s", uri, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Incomplete("interrupted while asking instance " + host);
            }
        }
        return views;
    }
}
