package dev.tradeloop.sim.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeloop.events.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads scenario files, strictly: an unknown field is a typo, and a bad file stops the simulator
 * with a message that names the file and the field.
 */
public final class ScenarioFiles {

    private static final ObjectMapper STRICT = Json.create().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String CLASSPATH = "classpath:";

    private ScenarioFiles() {
    }

    public static Scenario load(String location) {
        try (InputStream in = open(location)) {
            return STRICT.readValue(in, Scenario.class);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new IllegalArgumentException("scenario " + location + " cannot be read at " + path + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("scenario " + location + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static InputStream open(String location) throws IOException {
        if (location.startsWith(CLASSPATH)) {
            InputStream in = ScenarioFiles.class.getClassLoader().getResourceAsStream(location.substring(CLASSPATH.length()));
            if (in == null) {
                throw new IOException("no such resource");
            }
            return in;
        }
        return Files.newInputStream(Path.of(location));
    }
}
