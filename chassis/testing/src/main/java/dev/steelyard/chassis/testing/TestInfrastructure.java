package dev.steelyard.chassis.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * The real Kafka broker, PostgreSQL server and token issuer of one test JVM, started once and
 * shared by every test of the module. Quarkus loads test resources and test classes in
 * different class loaders, so the running servers are described to both in system properties. Environment variables may name an existing PostgreSQL
 * instead: STEELYARD_TEST_PG_HOST, STEELYARD_TEST_PG_PORT, STEELYARD_TEST_PG_USER,
 * STEELYARD_TEST_PG_PASSWORD.
 */
public final class TestInfrastructure {

    private static final Logger LOG = Logger.getLogger(TestInfrastructure.class);
    private static final String SHARED = "steelyard.test.infrastructure";
    private static TestInfrastructure instance;

    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final JwtIssuer jwt;
    private final Path publicKey;

    private TestInfrastructure(KafkaBroker kafka, PostgresServer postgres, JwtIssuer jwt, Path publicKey) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.jwt = jwt;
        this.publicKey = publicKey;
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            synchronized (System.getProperties()) {
                instance = System.getProperty(SHARED + ".kafka.port") == null
                        ? start(Path.of("target", "test-infrastructure").toAbsolutePath())
                        : attach();
            }
        }
        return instance;
    }

    private static TestInfrastructure start(Path directory) {
        long started = System.nanoTime();
        deleteRecursively(directory);
        JwtIssuer jwt = JwtIssuer.generate();
        Path publicKey = jwt.writePublicKey(directory.resolve("jwt-public.pem"));
        String pgHost = System.getenv("STEELYARD_TEST_PG_HOST");
        PostgresServer postgres;
        if (pgHost != null && !pgHost.isBlank()) {
            postgres = PostgresServer.external(pgHost,
                    Integer.parseInt(System.getenv().getOrDefault("STEELYARD_TEST_PG_PORT", "5432")),
                    System.getenv().getOrDefault("STEELYARD_TEST_PG_USER", "postgres"),
                    System.getenv().getOrDefault("STEELYARD_TEST_PG_PASSWORD", ""));
        } else {
            postgres = PostgresServer.embedded(directory.resolve("postgres"), KafkaBroker.freePort());
        }
        KafkaBroker kafka = new KafkaBroker(directory.resolve("kafka"), KafkaBroker.freePort()).start();
        LOG.infof("Test infrastructure: Kafka %s (child JVM), PostgreSQL %s, no Docker needed; ready in %d ms",
                kafka.bootstrapServers(), pgHost == null ? "embedded" : "external at " + pgHost,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.kill();
            postgres.close();
        }, "test-infrastructure-stop"));
        // Strings only: other class loaders of this JVM attach to the same servers through them.
        System.setProperty(SHARED + ".kafka.dir", kafka.directory().toString());
        System.setProperty(SHARED + ".kafka.controller-port", Integer.toString(kafka.controllerPort()));
        System.setProperty(SHARED + ".postgres.host", postgres.host());
        System.setProperty(SHARED + ".postgres.port", Integer.toString(postgres.port()));
        System.setProperty(SHARED + ".postgres.admin-user", postgres.adminUser());
        System.setProperty(SHARED + ".postgres.admin-password", postgres.adminPassword());
        System.setProperty(SHARED + ".jwt.private", jwt.privateKeyPem());
        System.setProperty(SHARED + ".jwt.public", jwt.publicKeyPem());
        System.setProperty(SHARED + ".jwt.public-file", publicKey.toString());
        System.setProperty(SHARED + ".kafka.port", Integer.toString(kafka.port()));
        return new TestInfrastructure(kafka, postgres, jwt, publicKey);
    }

    private static TestInfrastructure attach() {
        KafkaBroker kafka = new KafkaBroker(Path.of(System.getProperty(SHARED + ".kafka.dir")),
                Integer.parseInt(System.getProperty(SHARED + ".kafka.port")),
                Integer.parseInt(System.getProperty(SHARED + ".kafka.controller-port")),
                System.getProperty("java.class.path"));
        PostgresServer postgres = PostgresServer.attach(System.getProperty(SHARED + ".postgres.host"),
                Integer.parseInt(System.getProperty(SHARED + ".postgres.port")),
                System.getProperty(SHARED + ".postgres.admin-user"),
                System.getProperty(SHARED + ".postgres.admin-password"));
        JwtIssuer jwt = JwtIssuer.fromPrivateKeyPem(System.getProperty(SHARED + ".jwt.private"),
                System.getProperty(SHARED + ".jwt.public"));
        return new TestInfrastructure(kafka, postgres, jwt, Path.of(System.getProperty(SHARED + ".jwt.public-file")));
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Stops the broker gracefully; it keeps its port and data for {@link #startKafka()}. */
    public void stopKafka() {
        kafka.stop();
    }

    public void startKafka() {
        kafka.start();
    }

    /** Ends the broker process at once, as a crash would. */
    public void killKafka() {
        kafka.kill();
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public void createDatabase(String database) {
        postgres.createDatabase(database);
    }

    public JwtIssuer jwt() {
        return jwt;
    }

    public Path publicKey() {
        return publicKey;
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
