package dev.tradeloop.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checked-in schemas must be what the records generate. After changing a record, regenerate
 * them with {@code ./mvnw -pl common-events test -Dtradeloop.schemas.write=true} and commit them.
 */
class EventSchemaTest {

    private static final Path SCHEMAS = Path.of("src/main/resources/schemas");
    private static final String HOW_TO_FIX =
            "the checked-in schema differs from the records; run "
                    + "./mvnw -pl common-events test -Dtradeloop.schemas.write=true and commit the result";

    @Test
    void checked_in_schemas_match_the_records() throws IOException {
        Map<String, String> generated = new EventSchemaGenerator().generateAll();
        if (Boolean.getBoolean("tradeloop.schemas.write")) {
            write(generated);
        }

        Set<String> checkedIn;
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            checkedIn = files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        }
        assertThat(checkedIn).as(HOW_TO_FIX).containsExactlyInAnyOrderElementsOf(generated.keySet());
        for (Map.Entry<String, String> schema : generated.entrySet()) {
            assertThat(Files.readString(SCHEMAS.resolve(schema.getKey()), StandardCharsets.UTF_8))
                    .as(schema.getKey() + ": " + HOW_TO_FIX)
                    .isEqualTo(schema.getValue());
        }
    }

    private static void write(Map<String, String> generated) throws IOException {
        Files.createDirectories(SCHEMAS);
        try (Stream<Path> old = Files.list(SCHEMAS)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        for (Map.Entry<String, String> schema : generated.entrySet()) {
            Files.writeString(SCHEMAS.resolve(schema.getKey()), schema.getValue(), StandardCharsets.UTF_8);
        }
    }
}
