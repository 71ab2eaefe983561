package dev.steelyard.chassis.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a service under test at the module's real Kafka broker and PostgreSQL database and at
 * the test token issuer's public key. Declared once per test module, so Quarkus boots once.
 */
public class SteelyardTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "service_test";

    @Override
    public Map<String, String> start() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        infrastructure.createDatabase(DATABASE);
        return Map.of(
                "quarkus.datasource.jdbc.url", infrastructure.jdbcUrl(DATABASE),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD,
                "kafka.bootstrap.servers", infrastructure.kafkaBootstrapServers(),
                "mp.jwt.verify.publickey.location", infrastructure.publicKey().toUri().toString(),
                "mp.jwt.verify.issuer", JwtIssuer.ISSUER,
                "steelyard.outbox.poll-interval", "1s");
    }

    @Override
    public void stop() {
        // The infrastructure outlives a single Quarkus boot; a JVM shutdown hook ends it.
    }
}
