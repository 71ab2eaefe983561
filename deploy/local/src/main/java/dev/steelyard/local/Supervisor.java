package dev.steelyard.local;

import static dev.steelyard.local.Console.say;
import static dev.steelyard.local.Console.seconds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import dev.steelyard.chassis.testing.JwtIssuer;
import dev.steelyard.chassis.testing.PostgresServer;

/**
 * The process that owns a running stack (the hidden {@code supervise} command). It starts
 * PostgreSQL, Kafka and the five services, waits until every service is ready, and then stays
 * until it is asked to stop (SIGTERM or SIGINT). It stops the services first, then Kafka, then
 * PostgreSQL, so that nothing loses a dependency while it is still shutting down.
 */
final class Supervisor {

    private static final Duration SERVICE_GRACE = Duration.ofSeconds(10);
    static final int LOG_LINES = 20;

    private final StackPaths paths;
    private final PidFiles pids;
    private final InfrastructureConfig config;
    private final Infrastructure infrastructure;
    private final boolean detached;
    private final long launchedAtMillis;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();

    /** Held while something starts or stops, so a stop request waits for a start and then undoes it. */
    private final Object lifecycle = new Object();
    private volatile boolean stopping;
    private boolean stopped;

    Supervisor(StackPaths paths, InfrastructureConfig config, boolean detached, long launchedAtMillis) {
        this.paths = paths;
        this.pids = new PidFiles(paths.pids());
        this.config = config;
        this.infrastructure = new Infrastructure(config, paths, pids);
        this.detached = detached;
        this.launchedAtMillis = launchedAtMillis;
    }

    /** Runs the stack until it is stopped; returns the exit code if it could not start. */
    int run() {
        Optional<ProcessHandle> other = pids.alive(PidFiles.SUPERVISOR);
        if (other.isPresent()) {
            say("Steelyard is already running (supervisor pid %d). See deploy/local/steelyard status,"
                    + " or stop it with deploy/local/steelyard down.", other.get().pid());
            return 1;
        }
        if (!portsAreFree()) {
            return 1;
        }
        prepareRunDirectory();
        pids.write(PidFiles.SUPERVISOR, ProcessHandle.current().pid());
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "steelyard-stop"));
        try {
            Map<String, String> webhookSecrets = prepareCredentials();
            startInfrastructure();
            startServices(webhookSecrets);
            new ReadinessWait(paths, services, () -> stopping).await();
        } catch (StartupFailed e) {
            say("");
            say(e.getMessage());
            say("");
            stop();
            return 1;
        } catch (StopRequested e) {
            return 0;
        }
        new StartupReport(paths, config, infrastructure).print(launchedAtMillis, detached);
        markReady();
        warnWhenSomethingDies();
        awaitStop();
        return 0;
    }

    private boolean portsAreFree() {
        Map<Integer, String> wanted = new LinkedHashMap<>();
        if (config.embeddedPostgres()) {
            wanted.put(config.postgresPort(), "PostgreSQL");
        }
        if (config.embeddedKafka()) {
            wanted.put(InfrastructureConfig.kafkaPort(), "Kafka");
            wanted.put(InfrastructureConfig.kafkaControllerPort(), "Kafka controller");
        }
        Service.ALL.forEach(service -> wanted.put(service.port(), service.name()));
        List<String> taken = new ArrayList<>();
        wanted.forEach((port, user) -> {
            if (!Ports.isFree(port)) {
                taken.add("  port " + port + " (" + user + ") is in use by " + Ports.describeHolder(port));
            }
        });
        if (taken.isEmpty()) {
            return true;
        }
        say("Steelyard cannot start: ports it needs are taken.");
        taken.forEach(Console::say);
        say("If an earlier Steelyard still runs, stop it with: deploy/local/steelyard down");
        say("Otherwise stop those processes, or use servers that already run: set STEELYARD_PG_HOST"
                + " (and STEELYARD_PG_PORT, STEELYARD_PG_USER, STEELYARD_PG_PASSWORD) for PostgreSQL,"
                + " STEELYARD_KAFKA_BOOTSTRAP for Kafka.");
        return false;
    }

    private void prepareRunDirectory() {
        try {
            Files.createDirectories(paths.logs());
            Files.createDirectories(paths.pids());
            Files.deleteIfExists(paths.readyMarker());
            Files.deleteIfExists(paths.stackDescription());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The signing key is made once; tokens are minted afresh so they never expire on a running stack. */
    private Map<String, String> prepareCredentials() {
        JwtIssuer issuer = JwtIssuer.inDirectory(paths.jwt());
        EnvFile.restrictToOwner(paths.jwt().resolve("private.pem"));
        TokenFile.write(issuer, paths.tokens());
        return WebhookSecrets.ensure(paths.webhookSecrets());
    }

    private void startInfrastructure() {
        long started = System.nanoTime();
        if (config.embeddedPostgres()) {
            say("PostgreSQL: starting the embedded server on port %d (data in %s)...", config.postgresPort(),
                    paths.show(paths.postgresData()));
        } else {
            say("PostgreSQL: using %s:%d as %s...", config.postgresHost(), config.postgresPort(), config.postgresUser());
        }
        // An external server's log is not ours to show; the embedded one logs through the libraries' log.
        startStep("PostgreSQL", config.embeddedPostgres() ? paths.log("infrastructure") : null,
                infrastructure::startPostgres);
        say("PostgreSQL: ready in %s, databases %s", seconds(started),
                Service.ALL.stream().map(Service::database).collect(Collectors.joining(", ")));

        if (config.embeddedKafka()) {
            started = System.nanoTime();
            say("Kafka: starting the broker on %s (data in %s)...", infrastructure.kafkaBootstrap(),
                    paths.show(paths.kafka()));
            startStep("Kafka", paths.kafkaLog(), infrastructure::startKafka);
            say("Kafka: ready in %s", seconds(started));
        } else {
            say("Kafka: using %s", infrastructure.kafkaBootstrap());
        }
        infrastructure.describe(paths.stackDescription());
    }

    private void startServices(Map<String, String> webhookSecrets) {
        say("Services: starting %s...", Service.ALL.stream().map(Service::name).collect(Collectors.joining(", ")));
        for (Service service : Service.ALL) {
            if (!Files.exists(service.runnableJar(paths.root()))) {
                throw new StartupFailed(paths.show(service.runnableJar(paths.root())) + " is missing;"
                        + " build with: deploy/local/steelyard up --build");
            }
            startStep(service.name(), paths.log(service.name()), () -> {
                ServiceProcess process = ServiceProcess.start(service, paths.root(), paths.log(service.name()),
                        environment(service, webhookSecrets));
                services.add(process);
                pids.write(service.name(), process.handle().pid());
            });
        }
    }

    /** Quarkus reads these variables over the defaults in each service's application.properties. */
    private Map<String, String> environment(Service service, Map<String, String> webhookSecrets) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", infrastructure.jdbcUrl(service.database()));
        environment.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        environment.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrap());
        environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:" + paths.publicKey().toAbsolutePath());
        if (service.name().equals("payments-service")) {
            environment.putAll(webhookSecrets);
        }
        return environment;
    }

    /**
     * Runs one start step, unless a stop was requested; a stop request waits until it is done.
     * A failure names the step and shows the end of its log, if it has one.
     */
    private void startStep(String what, Path log, Runnable step) {
        synchronized (lifecycle) {
            if (stopping) {
                throw new StopRequested();
            }
            try {
                step.run();
            } catch (RuntimeException e) {
                throw new StartupFailed(what + " did not start: " + e.getMessage()
                        + (log == null ? "" : "\n" + LogFiles.tail(paths, log, LOG_LINES)));
            }
        }
    }

    private void markReady() {
        try {
            Files.writeString(paths.readyMarker(), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Nothing is restarted behind the user's back, but a crash should not go unnoticed. */
    private void warnWhenSomethingDies() {
        for (ServiceProcess service : services) {
            service.process().onExit().thenAccept(process -> warnUnlessStopping(service.service().name(),
                    "exit code " + process.exitValue(), service.log()));
        }
        infrastructure.kafkaProcess().ifPresent(kafka -> kafka.onExit()
                .thenAccept(process -> warnUnlessStopping("Kafka", "pid " + process.pid(), paths.kafkaLog())));
        infrastructure.postgresProcess().ifPresent(postgres -> postgres.onExit()
                .thenAccept(process -> warnUnlessStopping("PostgreSQL", "pid " + process.pid(),
                        paths.log("infrastructure"))));
    }

    private void warnUnlessStopping(String what, String detail, Path log) {
        if (!stopping) {
            say("WARNING: %s stopped unexpectedly (%s); see %s. Restart the stack to get it back.", what, detail,
                    paths.show(log));
        }
    }

    /** Stops everything this supervisor started: services, then Kafka, then PostgreSQL. Idempotent. */
    void stop() {
        stopping = true;
        synchronized (lifecycle) {
            if (stopped) {
                return;
            }
            stopped = true;
            long started = System.nanoTime();
            say("Stopping Steelyard...");
            deleteQuietly(paths.readyMarker());
            stopServices();
            if (infrastructure.runsKafka()) {
                say("  stopping Kafka");
            }
            attempt("Kafka", infrastructure::stopKafka);
            if (infrastructure.runsEmbeddedPostgres()) {
                say("  stopping PostgreSQL");
            }
            attempt("PostgreSQL", infrastructure::stopPostgres);
            deleteQuietly(paths.stackDescription());
            pids.deleteAll();
            say("Steelyard stopped in %s.", seconds(started));
        }
    }

    private void stopServices() {
        List<ProcessHandle> running = services.stream().map(ServiceProcess::handle).filter(ProcessHandle::isAlive).toList();
        if (!running.isEmpty()) {
            say("  stopping %d service(s) (killed if still running after %d s)", running.size(),
                    SERVICE_GRACE.toSeconds());
            for (ProcessHandle killed : Processes.terminate(running, SERVICE_GRACE)) {
                services.stream().filter(s -> s.handle().pid() == killed.pid()).findFirst().ifPresent(
                        s -> say("  %s did not stop within %d s and was killed", s.service().name(),
                                SERVICE_GRACE.toSeconds()));
            }
        }
        services.forEach(service -> pids.delete(service.service().name()));
    }

    /** One component failing to stop must not keep the others running. */
    private static void attempt(String what, Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            say("  %s did not stop cleanly: %s", what, e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover marker is harmless: the next start removes it.
        }
    }

    /** The supervisor's main thread has nothing left to do; the shutdown hook does the rest. */
    private static void awaitStop() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
