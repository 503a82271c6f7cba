package dev.tradeloop.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** YAML read as the tools that use it read it (anchors and {@code <<} merge keys resolved), as JSON trees. */
final class Yaml {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Yaml() {
    }

    static JsonNode read(Path file) {
        return JSON.valueToTree(parser().load(Project.read(file)));
    }

    /** Every document of a multi-document file, empty ones left out. */
    static List<JsonNode> readAll(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : parser().loadAll(Project.read(file))) {
            if (Objects.nonNull(document)) {
                documents.add(JSON.valueToTree(document));
            }
        }
        return documents;
    }

    private static org.yaml.snakeyaml.Yaml parser() {
        return new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
