package dev.steelyard.local;

import java.util.Map;

/**
 * Which PostgreSQL and Kafka the stack uses: embedded ones it starts itself, unless environment
 * variables name servers that already run.
 */
record InfrastructureConfig(String postgresHost, int postgresPort, String postgresUser, String postgresPassword,
        String kafkaBootstrap) {

    static int embeddedPostgresPort() {
        return 55432 + Ports.offset();
    }

    static int kafkaPort() {
        return 9092 + Ports.offset();
    }

    static int kafkaControllerPort() {
        return 9093 + Ports.offset();
    }

    static InfrastructureConfig from(Map<String, String> env) {
        String host = blankToNull(env.get("STEELYARD_PG_HOST"));
        return new InfrastructureConfig(host,
                host == null ? embeddedPostgresPort() : Integer.parseInt(env.getOrDefault("STEELYARD_PG_PORT", "5432")),
                env.getOrDefault("STEELYARD_PG_USER", "postgres"),
                env.getOrDefault("STEELYARD_PG_PASSWORD", ""),
                blankToNull(env.get("STEELYARD_KAFKA_BOOTSTRAP")));
    }

    boolean embeddedPostgres() {
        return postgresHost == null;
    }

    boolean embeddedKafka() {
        return kafkaBootstrap == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
