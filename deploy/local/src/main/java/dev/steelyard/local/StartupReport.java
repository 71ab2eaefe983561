package dev.steelyard.local;

import static dev.steelyard.local.Console.say;

import dev.steelyard.chassis.testing.PostgresServer;

/** The table printed once the stack is ready: where everything is and how to try it. */
final class StartupReport {

    private static final String SERVICE_ROW = "  %-20s %-22s %-35s %s";
    private static final String LINE = "  %-20s %s";

    private final StackPaths paths;
    private final InfrastructureConfig config;
    private final Infrastructure infrastructure;

    StartupReport(StackPaths paths, InfrastructureConfig config, Infrastructure infrastructure) {
        this.paths = paths;
        this.config = config;
        this.infrastructure = infrastructure;
    }

    void print(long launchedAtMillis, boolean detached) {
        say("");
        say(SERVICE_ROW, "SERVICE", "URL", "SWAGGER UI", "LOG");
        for (Service service : Service.ALL) {
            say(SERVICE_ROW, service.name(), service.url(), service.swaggerUi(), paths.show(paths.log(service.name())));
        }
        say("");
        say(LINE, "Kafka bootstrap", infrastructure.kafkaBootstrap()
                + (config.embeddedKafka() ? "   (log " + paths.show(paths.kafkaLog()) + ")" : "   (external)"));
        say(LINE, "PostgreSQL JDBC", infrastructure.jdbcBase() + "<database>   (user " + PostgresServer.USER
                + ", password " + PostgresServer.PASSWORD + (config.embeddedPostgres() ? ")" : "; external)"));
        say(LINE, "Tokens", paths.show(paths.tokens()) + "   (one per role, valid " + TokenFile.VALIDITY.toDays() + " days)");
        say(LINE, "Webhook secrets", paths.show(paths.webhookSecrets()) + "   (given to payments-service)");
        say("");
        say("  Try:  source %s", paths.show(paths.tokens()));
        say("        curl -H \"Authorization: Bearer $STEELYARD_TOKEN_OPS\" %s/q/health/ready", Service.ALL.get(4).url());
        say("");
        say("Steelyard is up: started in %.1f s.", (System.currentTimeMillis() - launchedAtMillis) / 1000.0);
        say(detached ? "Stop it with: deploy/local/steelyard down"
                : "Press Ctrl-C to stop it (or run deploy/local/steelyard down elsewhere).");
    }
}
