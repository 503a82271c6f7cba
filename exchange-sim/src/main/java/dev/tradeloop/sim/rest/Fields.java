package dev.tradeloop.sim.rest;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;

/** Reads the request fields that carry prices and counts, with an error that names the field. */
final class Fields {

    private Fields() {
    }

    static Price price(String text, String field) {
        if (text == null) {
            throw new IllegalArgumentException(field + " is required (a dollar string such as \"0.5600\")");
        }
        try {
            return Price.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }

    static Contracts count(String text, String field) {
        if (text == null) {
            throw new IllegalArgumentException(field + " is required (a count string such as \"10.00\")");
        }
        try {
            return Contracts.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }
}
