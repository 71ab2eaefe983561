package dev.steelyard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmarks' own local stack: deploy/local/steelyard with STEELYARD_PORT_OFFSET=200 and its state
 * under deploy/bench/target/run, so it never meets a developer's stack (offset 0) or the end-to-end
 * tests' (offset 100).
 */
public final class BenchStack {

    public static final int OFFSET = 200;
    public static final List<String> SERVICES = List.of("invoicing-service", "payments-service", "credit-service",
            "collections-service", "kpi-service");

    private final Path root;
    private final Path run;

    public BenchStack(Path root) {
        this.root = root;
        this.run = root.resolve("deploy/bench/target/run");
    }

    public Path root() {
        return root;
    }

    /** Starts the stack unless it already runs (a kept stack from an earlier run is reused). */
    public boolean upIfNeeded() {
        if (steelyard("status") == 0) {
            Progress.say("Stack: already running (offset %d, %s); reusing it", OFFSET, root.relativize(run));
            return false;
        }
        Progress.say("Stack: starting afresh with STEELYARD_PORT_OFFSET=%d, STEELYARD_RUN_DIR=%s ...", OFFSET,
                root.relativize(run));
        // Empty topics and databases, so no backlog of an earlier run is consumed during this one.
        for (String state : List.of("kafka", "postgres", "ready", "stack.properties")) {
            delete(run.resolve(state));
        }
        if (steelyard("up", "--detach") != 0) {
            throw new IllegalStateException("the stack did not start; see " + root.relativize(run.resolve("logs")));
        }
        return true;
    }

    private static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var files = Files.walk(path)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    public void down() {
        Progress.say("Stack: stopping");
        steelyard("down");
    }

    private int steelyard(String... arguments) {
        List<String> command = new java.util.ArrayList<>();
        command.add(root.resolve("deploy/local/steelyard").toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("STEELYARD_PORT_OFFSET", Integer.toString(OFFSET));
        builder.environment().put("STEELYARD_RUN_DIR", run.toString());
        if (arguments[0].equals("status")) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        try {
            return builder.start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    public URI invoicing() {
        return service(8081);
    }

    public URI payments() {
        return service(8082);
    }

    public URI kpi() {
        return service(8085);
    }

    private static URI service(int basePort) {
        return URI.create("http://localhost:" + (basePort + OFFSET));
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + (9092 + OFFSET);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + (55432 + OFFSET) + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "steelyard", "steelyard");
    }

    /** The baseline database beside the services' own, created once (the embedded server's superuser). */
    public void ensureBenchDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
                Statement statement = admin.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'bench'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE bench OWNER steelyard");
            }
        }
    }

    public String token(String role) {
        return env("tokens.env").get("STEELYARD_TOKEN_" + role.toUpperCase());
    }

    public String standardWebhookSecret() {
        return env("webhooks.env").get("STEELYARD_WEBHOOKS_STANDARD_SECRETS").split(",")[0];
    }

    /** Every service's pid, plus Kafka's and PostgreSQL's, from the stack's pid files. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String name : concat(SERVICES, List.of("kafka", "postgres"))) {
            pid(name).ifPresent(pid -> pids.put(name, pid));
        }
        return pids;
    }

    public Optional<Long> pid(String name) {
        Path file = run.resolve("pids").resolve(name + ".pid");
        try {
            return Files.exists(file) ? Optional.of(Long.parseLong(Files.readString(file).trim())) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Pauses (SIGSTOP) every service but the one named, so it has the cores to itself and no new
     * events reach it; returns the services paused.
     */
    public List<String> pauseAllBut(String service) {
        List<String> paused = new java.util.ArrayList<>();
        for (String other : SERVICES) {
            if (!other.equals(service)) {
                pid(other).ifPresent(pid -> {
                    signal("STOP", pid);
                    paused.add(other);
                });
            }
        }
        Progress.say("Stack: paused %s", String.join(", ", paused));
        return paused;
    }

    /** Resumes (SIGCONT) what pauseAllBut paused. */
    public void resume(List<String> paused) {
        for (String service : paused) {
            pid(service).ifPresent(pid -> signal("CONT", pid));
        }
        Progress.say("Stack: resumed %s", String.join(", ", paused));
    }

    private static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send SIG" + signal + " to " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private Map<String, String> env(String file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(run.resolve(file))) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
                    continue;
                }
                trimmed = trimmed.startsWith("export ") ? trimmed.substring(7) : trimmed;
                int equals = trimmed.indexOf('=');
                String value = trimmed.substring(equals + 1).trim();
                if (value.length() >= 2 && (value.startsWith("'") || value.startsWith("\""))) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(trimmed.substring(0, equals).trim(), value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + run.resolve(file), e);
        }
        return values;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
