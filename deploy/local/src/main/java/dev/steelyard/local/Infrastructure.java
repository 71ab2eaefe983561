package dev.steelyard.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.steelyard.chassis.testing.KafkaBroker;
import dev.steelyard.chassis.testing.PostgresServer;

/**
 * The stack's PostgreSQL server and Kafka broker: embedded ones that it starts and stops, or
 * existing ones named by environment variables, which it only uses.
 */
final class Infrastructure {

    private final InfrastructureConfig config;
    private final StackPaths paths;
    private final PidFiles pids;
    private volatile PostgresServer postgres;
    private volatile boolean postgresStopped;
    private volatile KafkaBroker kafka;

    Infrastructure(InfrastructureConfig config, StackPaths paths, PidFiles pids) {
        this.config = config;
        this.paths = paths;
        this.pids = pids;
    }

    /** Starts (or reaches) PostgreSQL and creates each service's database unless it exists. */
    void startPostgres() {
        if (config.embeddedPostgres()) {
            postgres = PostgresServer.embedded(paths.postgresData(), config.postgresPort());
            postgresStopped = false;
            postmasterPid().ifPresent(pid -> pids.write(PidFiles.POSTGRES, pid));
        } else {
            postgres = PostgresServer.external(config.postgresHost(), config.postgresPort(), config.postgresUser(),
                    config.postgresPassword());
        }
        Service.ALL.forEach(service -> postgres.createDatabase(service.database()));
    }

    /** Starts the embedded broker; an external one is only named. */
    void startKafka() {
        if (!config.embeddedKafka()) {
            return;
        }
        // Assigned before start() so that stopping after a failed start still ends the process.
        kafka = new KafkaBroker(paths.kafka(), InfrastructureConfig.kafkaPort(), InfrastructureConfig.kafkaControllerPort(),
                paths.lib().toAbsolutePath() + "/*");
        kafka.start();
        brokerPid().ifPresent(pid -> pids.write(PidFiles.KAFKA, pid));
    }

    String kafkaBootstrap() {
        return config.embeddedKafka() ? "127.0.0.1:" + InfrastructureConfig.kafkaPort() : config.kafkaBootstrap();
    }

    String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** The JDBC URL without a database name, e.g. jdbc:postgresql://127.0.0.1:55432/ */
    String jdbcBase() {
        return jdbcUrl("");
    }

    /** Whether there is an embedded broker to stop (even one that failed to start). */
    boolean runsKafka() {
        return kafka != null;
    }

    boolean runsEmbeddedPostgres() {
        return postgres != null && config.embeddedPostgres();
    }

    boolean embeddedKafka() {
        return config.embeddedKafka();
    }

    boolean embeddedPostgres() {
        return config.embeddedPostgres();
    }

    /** What runs where, for {@code status} (which cannot ask this process). */
    void describe(Path file) {
        String description = String.join("\n",
                "postgres.mode=" + (config.embeddedPostgres() ? "embedded" : "external"),
                "postgres.host=" + (config.embeddedPostgres() ? "127.0.0.1" : config.postgresHost()),
                "postgres.port=" + config.postgresPort(),
                "kafka.mode=" + (config.embeddedKafka() ? "embedded" : "external"),
                "kafka.bootstrap=" + kafkaBootstrap(), "");
        try {
            Files.writeString(file, description);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stopKafka() {
        if (kafka != null) {
            kafka.stop();
        }
        pids.delete(PidFiles.KAFKA);
    }

    /** Ends the embedded broker with SIGKILL, as a crash would; its data stays for the next start. */
    void killKafka() {
        if (kafka != null) {
            kafka.kill();
        }
        pids.delete(PidFiles.KAFKA);
    }

    void stopPostgres() {
        if (postgres != null && !postgresStopped) {
            postgres.close();
        }
        postgresStopped = true;
        pids.delete(PidFiles.POSTGRES);
    }

    /**
     * Ends the embedded server with SIGKILL to the postmaster and its backends, as a crash would;
     * the next start recovers from the write-ahead log. Closing afterwards only releases the
     * data directory's lock (its pg_ctl stop finds nothing to stop).
     */
    void killPostgres() {
        postgresProcess().ifPresent(postmaster -> {
            List<ProcessHandle> backends = postmaster.descendants().toList();
            postmaster.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
            Processes.awaitExit(postmaster, Duration.ofSeconds(10));
            backends.forEach(backend -> Processes.awaitExit(backend, Duration.ofSeconds(10)));
        });
        stopPostgres();
    }

    /** Whether the embedded server is meant to run (it was started and not stopped since). */
    boolean postgresRunning() {
        return postgres != null && !postgresStopped && config.embeddedPostgres();
    }

    Optional<ProcessHandle> postgresProcess() {
        return pids.alive(PidFiles.POSTGRES);
    }

    Optional<ProcessHandle> kafkaProcess() {
        return pids.alive(PidFiles.KAFKA);
    }

    /** PostgreSQL records the postmaster's pid in the first line of postmaster.pid in its data directory. */
    private Optional<Long> postmasterPid() {
        return firstLineAsPid(paths.postgresData().resolve("postmaster.pid"));
    }

    private Optional<Long> brokerPid() {
        return firstLineAsPid(paths.kafka().resolve("broker.pid"));
    }

    private static Optional<Long> firstLineAsPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(file).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
