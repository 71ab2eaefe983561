package dev.steelyard.local;

import java.nio.file.Path;
import java.util.List;

/** One of the five Steelyard services: its Maven module, HTTP port and database. */
record Service(String name, int basePort, String database) {

    static final List<Service> ALL = List.of(
            new Service("invoicing-service", 8081, "invoicing"),
            new Service("payments-service", 8082, "payments"),
            new Service("credit-service", 8083, "credit"),
            new Service("collections-service", 8084, "collections"),
            new Service("kpi-service", 8085, "kpi"));

    /** The service of that name, also without its "-service" suffix ("payments"). */
    static java.util.Optional<Service> named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name) || s.name().equals(name + "-service")).findFirst();
    }

    /** The HTTP port: the base port moved by STEELYARD_PORT_OFFSET, so two stacks can run side by side. */
    int port() {
        return basePort + Ports.offset();
    }

    Path runnableJar(Path root) {
        return root.resolve(name).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    String url() {
        return "http://localhost:" + port();
    }

    String swaggerUi() {
        return url() + "/q/swagger-ui";
    }
}
