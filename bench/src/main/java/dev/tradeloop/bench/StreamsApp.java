package dev.tradeloop.bench;

import dev.tradeloop.events.Topics;
import dev.tradeloop.monitor.streams.MonitorTopology;
import dev.tradeloop.rules.MethodCatalog;
import dev.tradeloop.testkit.TempDirectories;
import dev.tradeloop.testkit.TestKafka;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * One run's stream application, in a JVM of its own with a service's heap, as a service runs beside
 * the broker: {@code pipe} (ticks in, the same bytes out) or {@code monitor} (the monitor's topology).
 * Arguments: kind, processing guarantee, application id, commit interval in ms. It says
 * {@value #RUNNING} on stdout once its tasks are assigned; a line {@value #MEASURE} on stdin starts the
 * GC figures; at the end of stdin it closes, says {@value #GC} and its figures, and exits.
 */
public final class StreamsApp {

    static final String PIPE_OUT = "bench-pipe-out";
    static final String RUNNING = "running";
    static final String MEASURE = "measure";
    static final String GC = "gc ";

    private StreamsApp() {
    }

    public static void main(String[] args) throws Exception {
        org.jboss.logmanager.LogContext.getLogContext().getLogger("").setLevel(java.util.logging.Level.INFO);
        String kind = args[0];
        Topology topology = kind.equals("pipe") ? pipe() : monitor();
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, args[2]);
        config.putAll(TestKafka.get().adminSettings());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, args[1]);
        Path stateDir = Files.createTempDirectory("bench-state");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
        // the same commit interval for both guarantees (exactly-once's default), so committed offsets
        // measure progress alike and the difference is the transactions' cost
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Integer.parseInt(args[3]));
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "latest");
        GcFigures gc = GcFigures.start();
        try (KafkaStreams streams = new KafkaStreams(topology, config)) {
            streams.start();
            while (streams.state() != KafkaStreams.State.RUNNING) {
                Thread.sleep(100); // waiting for the first assignment
            }
            System.out.println(RUNNING);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals(MEASURE)) {
                    gc = GcFigures.start();
                }
            }
            String figures = gc.toString();
            streams.close(Duration.ofSeconds(30));
            TempDirectories.delete(stateDir);
            System.out.println(GC + figures);
        } catch (IOException e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static Topology pipe() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.PRICE_TICKS.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .to(PIPE_OUT, Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }

    private static Topology monitor() {
        MethodCatalog methods = MethodCatalog.load(Path.of(System.getProperty("tradeloop.methods.dir", "methods")));
        return MonitorTopology.build(new StreamsBuilder(), methods::get, Duration.ofMinutes(2));
    }
}
