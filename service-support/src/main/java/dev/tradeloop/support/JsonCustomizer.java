package dev.tradeloop.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeloop.events.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** REST endpoints write events exactly as the topics carry them: one JSON mapping for the contract. */
@ApplicationScoped
public class JsonCustomizer {

    @Produces
    @Singleton
    ObjectMapper objectMapper() {
        return Json.create();
    }
}
