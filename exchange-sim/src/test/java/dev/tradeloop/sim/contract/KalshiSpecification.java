package dev.tradeloop.sim.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Kalshi's vendored specification as validators (networknt's JSON Schema validator, in the OpenAPI
 * 3.0 dialect for the REST documents): the request body, the 2xx answer and the parameter names of
 * an operation, and the payload schemas of the WebSocket API.
 */
final class KalshiSpecification {

    private static final String ROOT = "classpath:kalshi-spec/";
    private static final JsonSchemaFactory OPENAPI = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            builder -> builder.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
    private static final JsonSchemaFactory ASYNCAPI = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().build();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private KalshiSpecification() {
    }

    /** One REST operation of a vendored OpenAPI document. */
    record Operation(String file, String method, String path) {

        /** The schema of the operation's request body. */
        JsonSchema request() {
            return schemaAt("requestBody");
        }

        /** The schema of the operation's 2xx answer. */
        JsonSchema answer() {
            JsonNode responses = operation().path("responses");
            String status = responses.has("201") ? "201" : "200";
            return schemaAt("responses/" + status);
        }

        /** The names of the parameters the operation takes in {@code where} ("query", "path"). */
        Set<String> parameters(String where) {
            JsonNode document = document(file);
            Set<String> names = new HashSet<>();
            for (JsonNode parameter : operation().path("parameters")) {
                JsonNode resolved = parameter.has("$ref") ? at(document, parameter.get("$ref").asText()) : parameter;
                if (where.equals(resolved.path("in").asText())) {
                    names.add(resolved.path("name").asText());
                }
            }
            return names;
        }

        private JsonSchema schemaAt(String part) {
            JsonNode content = at(operation(), "#/" + part).path("content").path("application/json").path("schema");
            String reference = content.path("$ref").asText();
            if (reference.isEmpty()) {
                throw new IllegalStateException(file + ": " + method + " " + path + " has no " + part + " schema reference");
            }
            return OPENAPI.getSchema(SchemaLocation.of(ROOT + "openapi/" + file + reference), CONFIG);
        }

        private JsonNode operation() {
            JsonNode operation = document(file).path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
            if (operation.isMissingNode()) {
                throw new IllegalStateException(file + " has no " + method + " " + path);
            }
            return operation;
        }
    }

    /** A payload schema of the WebSocket API, by its name under {@code components/schemas}. */
    static JsonSchema webSocketPayload(String name) {
        return ASYNCAPI.getSchema(SchemaLocation.of(ROOT + "asyncapi.yaml#/components/schemas/" + name), CONFIG);
    }

    /** What the schema finds wrong with {@code payload}, one line each; empty when it is valid. */
    static Set<String> problems(JsonSchema schema, JsonNode payload) {
        return schema.validate(payload).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    private static JsonNode document(String file) {
        try (InputStream in = KalshiSpecification.class.getResourceAsStream("/kalshi-spec/openapi/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no vendored specification " + file);
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode at(JsonNode document, String reference) {
        String pointer = reference.startsWith("#") ? reference.substring(1) : reference;
        return document.at(pointer);
    }
}
