package dev.tradeloop.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renders a kustomization as {@code kubectl kustomize} does, for the part of kustomize these
 * manifests use: resources (files, and directories with a kustomization of their own) and a
 * namespace. A kustomization that uses anything else is refused, so nothing is rendered wrongly.
 */
final class Kustomization {

    private static final Set<String> UNDERSTOOD = Set.of("apiVersion", "kind", "resources", "namespace");

    private Kustomization() {
    }

    static List<JsonNode> render(Path directory) {
        JsonNode kustomization = Yaml.read(directory.resolve("kustomization.yaml"));
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!UNDERSTOOD.contains(field)) {
                throw new IllegalArgumentException(directory + "/kustomization.yaml uses '" + field
                        + "', which this rendering does not do: keep to " + UNDERSTOOD);
            }
        });
        List<JsonNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path resource = directory.resolve(entry.asText()).normalize();
            resources.addAll(Files.isDirectory(resource) ? render(resource) : Yaml.readAll(resource));
        }
        if (kustomization.has("namespace")) {
            resources.forEach(resource -> ((ObjectNode) resource.path("metadata"))
                    .put("namespace", kustomization.get("namespace").asText()));
        }
        return resources;
    }
}
