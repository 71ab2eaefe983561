package dev.steelyard.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.steelyard.chassis.testing.JwtIssuer;
import dev.steelyard.local.Health;

/**
 * The packaged suite as the end-to-end tests share it: started once per test run through the
 * local stack's own command, on ports moved by {@value #PORT_OFFSET} and with its state under
 * target/, so it never meets a developer's stack (offset 0) or a benchmark's (offset 200).
 * {@link SuiteExtension} starts it for the first test class that asks and stops it when the
 * run ends. Every test works in legal entities of its own, so the order of the tests does not matter.
 */
final class Suite implements AutoCloseable {

    static final int PORT_OFFSET = 100;
    static final List<String> SERVICES = List.of("invoicing-service", "payments-service", "credit-service",
            "collections-service", "kpi-service");
    static final List<String> DATABASES = List.of("invoicing", "payments", "credit", "collections", "kpi");
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Path RUN = Path.of("target/e2e-run").toAbsolutePath();


    /** For working on a test: -Dsteelyard.e2e.reuse-stack=true keeps a stack that runs and leaves it running. */
    private static final boolean REUSE = Boolean.getBoolean("steelyard.e2e.reuse-stack");

    private final Map<String, String> tokens;
    private final Map<String, String> webhookSecrets;
    private final JwtIssuer issuer;

    private Suite() {
        this.tokens = envFile(RUN.resolve("tokens.env"));
        this.webhookSecrets = envFile(RUN.resolve("webhooks.env"));
        this.issuer = JwtIssuer.inDirectory(RUN.resolve("jwt"));
    }

    /** Stops whatever an interrupted run left, starts from an empty run directory and waits until ready. */
    static Suite start() {
        try {
            if (REUSE && steelyardSucceeds(List.of("status"))) {
                return new Suite();
            }
            steelyard(List.of("down"), Duration.ofMinutes(2));
            deleteRecursively(RUN);
            steelyard(List.of("up", "--detach"), Duration.ofMinutes(5));
            return new Suite();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the suite", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (!REUSE) {
            steelyard(List.of("down"), Duration.ofMinutes(2));
        }
    }

    /** The base URI of a service, e.g. "kpi-service". */
    URI uri(String service) {
        int index = SERVICES.indexOf(service);
        if (index < 0) {
            throw new IllegalArgumentException("no service " + service);
        }
        return URI.create("http://127.0.0.1:" + (8081 + index + PORT_OFFSET));
    }

    /** A token the stack minted for one role: erp, collector, credit-manager, ops or admin. */
    String token(String role) {
        return tokens.get("STEELYARD_TOKEN_" + role.toUpperCase().replace('-', '_'));
    }

    /** Signs tokens with the stack's own key, for tokens the stack does not mint (entity-limited, expired). */
    JwtIssuer issuer() {
        return issuer;
    }

    /** The first secret of a webhook scheme: STRIPE_SECRETS, STANDARD_SECRETS or ADYEN_HMAC_KEYS. */
    String webhookSecret(String scheme) {
        return webhookSecrets.get("STEELYARD_WEBHOOKS_" + scheme).split(",")[0].trim();
    }

    Connection database(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + (55432 + PORT_OFFSET) + "/" + name,
                "steelyard", "steelyard");
    }

    boolean ready(String service) {
        return Health.ready(uri(service).getPort());
    }

    /** Polls until the condition holds; false if it did not within the timeout. */
    static boolean within(Duration timeout, Duration poll, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.get()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Runs the local stack's command as an operator would, with this suite's run directory and
     * port offset; its output goes to a file under target/ and is returned. Fails on a non-zero
     * exit (except for down, which also cleans up after a stack that is not running).
     */
    static String steelyard(List<String> arguments, Duration timeout) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("deploy/local/steelyard").toString());
        command.addAll(arguments);
        Files.createDirectories(Path.of("target"));
        Path log = Files.createTempFile(Path.of("target"), "steelyard-" + arguments.get(0) + "-", ".out");
        Path errors = Path.of(log + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(log.toFile()).redirectError(errors.toFile());
        builder.environment().put("STEELYARD_RUN_DIR", RUN.toString());
        builder.environment().put("STEELYARD_PORT_OFFSET", Integer.toString(PORT_OFFSET));
        // Jobs that act "today" by themselves (hourly dunning, the credit review every 15 minutes)
        // would write while the sweep compares the databases; the tests give every date they use.
        builder.environment().put("STEELYARD_COLLECTIONS_DAILY_RUN_CRON", "off");
        builder.environment().put("STEELYARD_CREDIT_REVIEW_EVERY", "off");
        Process process = builder.start();
        process.getOutputStream().close();
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("steelyard " + arguments + " did not finish in " + timeout.toSeconds()
                        + " s; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        String output = Files.readString(log);
        if (process.exitValue() != 0 && !arguments.equals(List.of("down"))) {
            throw new IllegalStateException("steelyard " + arguments + " exited " + process.exitValue() + ":\n" + output
                    + Files.readString(errors));
        }
        return output;
    }

    private static boolean steelyardSucceeds(List<String> arguments) {
        try {
            steelyard(arguments, Duration.ofMinutes(1));
            return true;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    private static Map<String, String> envFile(Path file) {
        try {
            Map<String, String> values = new java.util.LinkedHashMap<>();
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (!line.startsWith("#") && equals > 0) {
                    values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
                }
            }
            return values;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
