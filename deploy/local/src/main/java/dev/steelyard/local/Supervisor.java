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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import dev.steelyard.chassis.testing.JwtIssuer;
import dev.steelyard.chassis.testing.PostgresServer;

/**
 * The process that owns a running stack (the hidden {@code supervise} command). It starts
 * PostgreSQL, Kafka and the five services, waits until every service is ready, and then stays
 * until it is asked to stop (SIGTERM or SIGINT). It stops the services first, then Kafka, then
 * PostgreSQL, so that nothing loses a dependency while it is still shutting down. While it runs,
 * it stops and starts single components on request ({@code steelyard stop|start|restart}).
 */
final class Supervisor {

    private static final Duration SERVICE_GRACE = Duration.ofSeconds(10);
    private static final Duration CONTROL_POLL = Duration.ofMillis(200);
    static final int LOG_LINES = 20;

    private final StackPaths paths;
    private final PidFiles pids;
    private final InfrastructureConfig config;
    private final Infrastructure infrastructure;
    private final boolean detached;
    private final long launchedAtMillis;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private final ControlChannel control;
    /** Processes stopped on request: their exit is no surprise worth a warning. */
    private final Set<Long> expectedExits = ConcurrentHashMap.newKeySet();
    private Map<String, String> webhookSecrets = Map.of();

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
        this.control = new ControlChannel(paths.control());
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
            webhookSecrets = prepareCredentials();
            startInfrastructure();
            startServices();
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
        serveControlRequests();
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
        control.clear();
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

    private void startServices() {
        say("Services: starting %s...", Service.ALL.stream().map(Service::name).collect(Collectors.joining(", ")));
        for (Service service : Service.ALL) {
            if (!Files.exists(service.runnableJar(paths.root()))) {
                throw new StartupFailed(paths.show(service.runnableJar(paths.root())) + " is missing;"
                        + " build with: deploy/local/steelyard up --build");
            }
            startStep(service.name(), paths.log(service.name()), () -> {
                ServiceProcess process = ServiceProcess.start(service, paths.root(), paths.log(service.name()),
                        environment(service));
                services.add(process);
                pids.write(service.name(), process.handle().pid());
            });
        }
    }

    /** Quarkus reads these variables over the defaults in each service's application.properties. */
    private Map<String, String> environment(Service service) {
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
        services.forEach(this::watch);
        infrastructure.kafkaProcess().ifPresent(this::watchKafka);
        infrastructure.postgresProcess().ifPresent(this::watchPostgres);
    }

    private void watch(ServiceProcess service) {
        service.process().onExit().thenAccept(process -> warnUnlessExpected(service.service().name(), process.pid(),
                "exit code " + process.exitValue(), service.log()));
    }

    private void watchKafka(ProcessHandle kafka) {
        kafka.onExit().thenAccept(process -> warnUnlessExpected("Kafka", process.pid(), "pid " + process.pid(),
                paths.kafkaLog()));
    }

    private void watchPostgres(ProcessHandle postgres) {
        postgres.onExit().thenAccept(process -> warnUnlessExpected("PostgreSQL", process.pid(), "pid " + process.pid(),
                paths.log("infrastructure")));
    }

    private void warnUnlessExpected(String what, long pid, String detail, Path log) {
        if (!stopping && !expectedExits.contains(pid)) {
            say("WARNING: %s stopped unexpectedly (%s); see %s. Start it again with: deploy/local/steelyard start %s",
                    what, detail, paths.show(log), ComponentCommand.nameOf(what));
        }
    }

    /** Carries out stop, start and restart requests from other terminals until the stack stops. */
    private void serveControlRequests() {
        Thread server = new Thread(() -> {
            while (!stopping) {
                try {
                    control.serve(this::carryOut);
                    Thread.sleep(CONTROL_POLL.toMillis());
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    say("WARNING: a control request failed: %s", e.getMessage());
                }
            }
        }, "steelyard-control");
        server.setDaemon(true);
        server.start();
    }

    /** One request, "stop|start|restart <component> [--kill]", while nothing else starts or stops. */
    private ControlChannel.Reply carryOut(String request) {
        ComponentCommand command;
        try {
            command = ComponentCommand.parse(List.of(request.split(" ")));
        } catch (IllegalArgumentException e) {
            return new ControlChannel.Reply(2, e.getMessage());
        }
        synchronized (lifecycle) {
            if (stopping) {
                return new ControlChannel.Reply(1, "Steelyard is stopping.");
            }
            List<String> said = new ArrayList<>();
            try {
                if (!command.action().equals("start")) {
                    said.add(stop(command.component(), command.kill()));
                }
                if (!command.action().equals("stop")) {
                    said.add(start(command.component()));
                }
                said.forEach(Console::say);
                return new ControlChannel.Reply(0, String.join("\n", said));
            } catch (StartupFailed | IllegalStateException e) {
                said.add(e.getMessage());
                said.forEach(Console::say);
                return new ControlChannel.Reply(1, String.join("\n", said));
            } catch (StopRequested e) {
                return new ControlChannel.Reply(1, "Steelyard is stopping.");
            }
        }
    }

    private String stop(String component, boolean kill) {
        long started = System.nanoTime();
        String how = kill ? "killed (SIGKILL)" : "stopped";
        switch (component) {
            case PidFiles.KAFKA -> {
                requireEmbedded(infrastructure.embeddedKafka(), "Kafka");
                Optional<ProcessHandle> kafka = infrastructure.kafkaProcess();
                if (kafka.isEmpty()) {
                    return "Kafka is not running.";
                }
                expectedExits.add(kafka.get().pid());
                if (kill) {
                    infrastructure.killKafka();
                } else {
                    infrastructure.stopKafka();
                }
                return String.format("Kafka %s in %s.", how, seconds(started));
            }
            case PidFiles.POSTGRES -> {
                requireEmbedded(infrastructure.embeddedPostgres(), "PostgreSQL");
                Optional<ProcessHandle> postgres = infrastructure.postgresProcess();
                if (postgres.isEmpty()) {
                    return "PostgreSQL is not running.";
                }
                expectedExits.add(postgres.get().pid());
                if (kill) {
                    infrastructure.killPostgres();
                } else {
                    infrastructure.stopPostgres();
                }
                return String.format("PostgreSQL %s in %s.", how, seconds(started));
            }
            default -> {
                Optional<ServiceProcess> running = running(component);
                if (running.isEmpty()) {
                    return component + " is not running.";
                }
                ProcessHandle process = running.get().handle();
                expectedExits.add(process.pid());
                if (kill) {
                    process.destroyForcibly();
                    Processes.awaitExit(process, SERVICE_GRACE);
                } else if (!Processes.terminate(List.of(process), SERVICE_GRACE).isEmpty()) {
                    how = "killed after " + SERVICE_GRACE.toSeconds() + " s";
                }
                services.remove(running.get());
                pids.delete(component);
                return String.format("%s %s in %s.", component, how, seconds(started));
            }
        }
    }

    private String start(String component) {
        long started = System.nanoTime();
        switch (component) {
            case PidFiles.KAFKA -> {
                requireEmbedded(infrastructure.embeddedKafka(), "Kafka");
                if (infrastructure.kafkaProcess().isPresent()) {
                    return "Kafka is already running.";
                }
                runStep("Kafka", paths.kafkaLog(), infrastructure::startKafka);
                infrastructure.kafkaProcess().ifPresent(this::watchKafka);
                return String.format("Kafka started and ready in %s.", seconds(started));
            }
            case PidFiles.POSTGRES -> {
                requireEmbedded(infrastructure.embeddedPostgres(), "PostgreSQL");
                if (infrastructure.postgresProcess().isPresent()) {
                    return "PostgreSQL is already running.";
                }
                runStep("PostgreSQL", paths.log("infrastructure"), infrastructure::startPostgres);
                infrastructure.postgresProcess().ifPresent(this::watchPostgres);
                return String.format("PostgreSQL started and ready in %s.", seconds(started));
            }
            default -> {
                if (running(component).isPresent()) {
                    return component + " is already running.";
                }
                Service service = Service.named(component).orElseThrow();
                ServiceProcess process = ServiceProcess.start(service, paths.root(), paths.log(service.name()),
                        environment(service), true);
                services.add(process);
                pids.write(service.name(), process.handle().pid());
                watch(process);
                new ReadinessWait(paths, List.of(process), () -> stopping).await();
                return String.format("%s started and ready in %s.", component, seconds(started));
            }
        }
    }

    private Optional<ServiceProcess> running(String name) {
        return services.stream().filter(s -> s.service().name().equals(name) && s.isAlive()).findFirst();
    }

    /** A server the stack did not start is not the stack's to stop or start. */
    private static void requireEmbedded(boolean embedded, String what) {
        if (!embedded) {
            throw new IllegalStateException(what + " is an external server (named by the environment); the stack"
                    + " neither stops nor starts it.");
        }
    }

    private void runStep(String what, Path log, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            throw new StartupFailed(what + " did not start: " + e.getMessage() + "\n"
                    + LogFiles.tail(paths, log, LOG_LINES));
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
