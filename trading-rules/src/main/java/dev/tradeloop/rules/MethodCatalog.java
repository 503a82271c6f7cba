package dev.tradeloop.rules;

import dev.tradeloop.events.MethodRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every method of a directory ({@code methods/*.yaml}), each file named {@code <id>.v<version>.yaml}
 * and holding exactly that method. Read once at start-up; any bad file stops it.
 */
public final class MethodCatalog {

    private final Map<MethodRef, Method> methods;

    private MethodCatalog(Map<MethodRef, Method> methods) {
        this.methods = Map.copyOf(methods);
    }

    public static MethodCatalog load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidMethodException("the methods directory " + directory + " does not exist");
        }
        Map<MethodRef, Method> methods = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                Method method = MethodReader.read(file);
                String expected = method.ref().id() + ".v" + method.ref().version() + ".yaml";
                if (!file.getFileName().toString().equals(expected)) {
                    throw new InvalidMethodException("method " + method.ref().id() + " v" + method.ref().version()
                            + " is in " + file.getFileName() + "; it must be in " + expected);
                }
                methods.put(method.ref(), method);
            }
        } catch (IOException e) {
            throw new InvalidMethodException("cannot list the methods in " + directory + ": " + e.getMessage());
        }
        if (methods.isEmpty()) {
            throw new InvalidMethodException("no method in " + directory);
        }
        return new MethodCatalog(methods);
    }

    public Optional<Method> get(MethodRef ref) {
        return Optional.ofNullable(methods.get(ref));
    }

    /** The newest version of method {@code id}: what new edges are computed under. */
    public Optional<Method> latest(String id) {
        return methods.values().stream().filter(m -> m.ref().id().equals(id))
                .max(Comparator.comparingInt(m -> m.ref().version()));
    }

    public List<Method> all() {
        return List.copyOf(methods.values());
    }
}
