package dev.steelyard.local;

import java.util.Map;

/**
 * Which PostgreSQL and Kafka the stack uses: embedded ones it starts itself, unless environment
 * variables name servers that already run.
 */
record InfrastructureConfig(String postgresHost, int postgresPort, String postgresUser, String postgresPassword,
        String kafkaBootstrap) {

    static final int EMBEDDED_POSTGRES_PORT = 55432;
    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;

    static InfrastructureConfig from(Map<String, String> env) {
        String host = blankToNull(env.get("STEELYARD_PG_HOST"));
        return new InfrastructureConfig(host,
                host == null ? EMBEDDED_POSTGRES_PORT : Integer.parseInt(env.getOrDefault("STEELYARD_PG_PORT", "5432")),
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
