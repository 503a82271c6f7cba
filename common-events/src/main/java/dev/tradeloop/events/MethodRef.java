package dev.tradeloop.events;

/** The method (a named, versioned bundle of trading settings) a decision was made under. */
public record MethodRef(String id, int version) {

    public MethodRef {
        Require.text(id, "method id");
        if (version < 1) {
            throw new IllegalArgumentException("method version " + version + " is below 1");
        }
    }

    @Override
    public String toString() {
        return id + "@v" + version;
    }
}
