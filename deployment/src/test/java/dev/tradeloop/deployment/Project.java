package dev.tradeloop.deployment;

import dev.tradeloop.events.Topic;
import dev.tradeloop.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the build holds, as the deployment files refer to it: the Quarkus applications, their ports and settings. */
final class Project {

    static final Path ROOT = Path.of(System.getProperty("tradeloop.root", "..")).toAbsolutePath().normalize();
    static final String VERSION = System.getProperty("tradeloop.version", "0.1.0-SNAPSHOT");

    private static final Pattern MODULE = Pattern.compile("<module>([a-z-]+)</module>");
    private static final Pattern DEPENDENCY = Pattern.compile(
            "<dependency>\\s*<groupId>dev\\.tradeloop</groupId>\\s*<artifactId>([a-z-]+)</artifactId>");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([a-zA-Z0-9.\\-_]+)");
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(prefix = \"([a-z.\\-]+)\"\\)");
    private static final Pattern MAPPING_METHOD = Pattern.compile("^\\s+[\\w<>, .?]+ (\\w+)\\(\\);", Pattern.MULTILINE);
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(name = \"([a-zA-Z0-9.\\-_]+)\"");

    private Project() {
    }

    /** The modules that build a Quarkus application (and so an image). */
    static Set<String> applications() {
        Set<String> applications = new LinkedHashSet<>();
        Matcher modules = MODULE.matcher(read(ROOT.resolve("pom.xml")));
        while (modules.find()) {
            String module = modules.group(1);
            if (read(ROOT.resolve(module).resolve("pom.xml")).contains("<artifactId>quarkus-maven-plugin</artifactId>")) {
                applications.add(module);
            }
        }
        return applications;
    }

    /** Every topic of the catalog, by name, with its partitions. */
    static Map<String, Integer> catalogPartitions() {
        Map<String, Integer> catalog = new TreeMap<>();
        for (Topic<?> topic : Topics.all()) {
            catalog.put(topic.name(), topic.partitions());
        }
        return catalog;
    }

    /** The HTTP port an application listens on ({@code quarkus.http.port}). */
    static int httpPort(String application) {
        return Integer.parseInt(properties(application).getProperty("quarkus.http.port"));
    }

    /**
     * Whether an environment variable names a setting the application has: a key or a reference in
     * the properties of it and of the project's modules it uses, a {@code @ConfigMapping} method or a
     * {@code @ConfigProperty} there. Variables map to keys as Quarkus maps them (upper case, every
     * character that is not a letter or a digit an underscore).
     */
    static boolean knowsSetting(String application, String environmentVariable) {
        return settings(application).stream().anyMatch(key -> asEnvironmentVariable(key).equals(environmentVariable));
    }

    static String asEnvironmentVariable(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static Set<String> settings(String application) {
        Set<String> settings = new HashSet<>();
        for (String module : withDependencies(application, new LinkedHashSet<>())) {
            Path main = ROOT.resolve(module).resolve("src/main");
            for (Path file : files(main.resolve("resources"), ".properties")) {
                String text = read(file);
                Properties properties = load(text);
                properties.stringPropertyNames().forEach(key -> settings.add(key.replaceFirst("^%[a-z]+\\.", "")));
                Matcher references = REFERENCE.matcher(text);
                while (references.find()) {
                    settings.add(references.group(1));
                }
            }
            for (Path source : files(main.resolve("java"), ".java")) {
                String text = read(source);
                Matcher mapping = MAPPING.matcher(text);
                if (mapping.find()) {
                    Matcher methods = MAPPING_METHOD.matcher(text);
                    while (methods.find()) {
                        settings.add(mapping.group(1) + "." + kebab(methods.group(1)));
                    }
                }
                Matcher properties = CONFIG_PROPERTY.matcher(text);
                while (properties.find()) {
                    settings.add(properties.group(1));
                }
            }
        }
        return settings;
    }

    private static Set<String> withDependencies(String module, Set<String> found) {
        if (found.add(module)) {
            Matcher dependencies = DEPENDENCY.matcher(read(ROOT.resolve(module).resolve("pom.xml")));
            while (dependencies.find()) {
                withDependencies(dependencies.group(1), found);
            }
        }
        return found;
    }

    static Properties properties(String application) {
        return load(read(ROOT.resolve(application).resolve("src/main/resources/application.properties")));
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Properties load(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new java.io.StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static List<Path> files(Path directory, String suffix) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(f -> f.toString().endsWith(suffix)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The application an image of the project is built from ({@code tradeloop/<module>:<version>}), if it is one. */
    static Optional<String> applicationOf(String image) {
        Matcher ours = Pattern.compile("tradeloop/([a-z-]+):(.+)").matcher(image);
        if (!ours.matches()) {
            return Optional.empty();
        }
        if (!ours.group(2).equals(VERSION)) {
            throw new AssertionError(image + " is not tagged with the build's version " + VERSION);
        }
        return Optional.of(ours.group(1));
    }
}
