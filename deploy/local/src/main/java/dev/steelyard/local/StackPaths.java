package dev.steelyard.local;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the local stack finds the build and keeps its state. Everything it creates at run time
 * lives under {@code deploy/local/run}, which git ignores.
 */
record StackPaths(Path root) {

    static final String ROOT_PROPERTY = "steelyard.root";

    /** The repository root: named by the launcher script, or found from where this class was loaded. */
    static StackPaths locate() {
        String named = System.getProperty(ROOT_PROPERTY);
        Path root = named != null ? Path.of(named) : fromClassLocation();
        root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("deploy").resolve("local"))) {
            throw new IllegalStateException(root + " is not the Steelyard repository (no deploy/local in it)");
        }
        return new StackPaths(root);
    }

    /** deploy/local/target/classes, four levels below the root. */
    private static Path fromClassLocation() {
        try {
            Path classes = Path.of(StackPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent().getParent().getParent().getParent();
        } catch (URISyntaxException | NullPointerException e) {
            return Path.of("");
        }
    }

    Path module() {
        return root.resolve("deploy").resolve("local");
    }

    /** The runtime dependencies, also the Kafka broker's class path. */
    Path lib() {
        return module().resolve("target").resolve("lib");
    }

    /** The stack's state: deploy/local/run, or the directory STEELYARD_RUN_DIR names (tests use their own). */
    Path run() {
        String named = System.getenv("STEELYARD_RUN_DIR");
        return named == null || named.isBlank() ? module().resolve("run") : Path.of(named).toAbsolutePath();
    }

    Path pids() {
        return run().resolve("pids");
    }

    Path logs() {
        return run().resolve("logs");
    }

    Path log(String name) {
        return logs().resolve(name + ".log");
    }

    /** Requests to the running supervisor (stop, start, restart of one component) and its replies. */
    Path control() {
        return run().resolve("control");
    }

    Path jwt() {
        return run().resolve("jwt");
    }

    Path publicKey() {
        return jwt().resolve("public.pem");
    }

    Path kafka() {
        return run().resolve("kafka");
    }

    Path kafkaLog() {
        return kafka().resolve("broker.log");
    }

    Path postgresData() {
        return run().resolve("postgres");
    }

    Path tokens() {
        return run().resolve("tokens.env");
    }

    Path webhookSecrets() {
        return run().resolve("webhooks.env");
    }

    /** What the running supervisor started (embedded or external servers, addresses), for status. */
    Path stackDescription() {
        return run().resolve("stack.properties");
    }

    /** Exists while every service is ready; the detaching launcher waits for it. */
    Path readyMarker() {
        return run().resolve("ready");
    }

    /** A path as the user typed it from the repository root, to keep messages short. */
    String show(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }
}
