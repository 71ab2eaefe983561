package dev.steelyard.local;

import static dev.steelyard.local.Console.say;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code status} command: for PostgreSQL, Kafka and each service, whether it runs and, for
 * services, whether it is ready. Exit code 0 when everything is up, 3 otherwise (as init scripts do).
 */
final class StatusCommand {

    static final int NOT_ALL_UP = 3;
    private static final String ROW = "  %-20s %-12s %-11s %s";

    private final StackPaths paths;
    private final PidFiles pids;

    StatusCommand(StackPaths paths) {
        this.paths = paths;
        this.pids = new PidFiles(paths.pids());
    }

    int run() {
        Properties stack = stackDescription();
        Optional<ProcessHandle> supervisor = pids.alive(PidFiles.SUPERVISOR);
        if (supervisor.isPresent()) {
            say("Steelyard supervisor: running (pid %d)%s", supervisor.get().pid(),
                    Files.exists(paths.readyMarker()) ? "" : ", still starting");
        } else if (pids.allAlive().isEmpty()) {
            say("Steelyard is not running.");
        } else {
            say("Steelyard supervisor: NOT RUNNING; what it started is left over (deploy/local/steelyard down stops it).");
        }
        boolean allUp = infrastructure("postgres", PidFiles.POSTGRES, stack.getProperty("postgres.mode", "embedded"),
                stack.getProperty("postgres.host", "127.0.0.1"),
                Integer.parseInt(stack.getProperty("postgres.port", "" + InfrastructureConfig.embeddedPostgresPort())));
        String bootstrap = stack.getProperty("kafka.bootstrap", "127.0.0.1:" + InfrastructureConfig.kafkaPort());
        int colon = bootstrap.split(",")[0].lastIndexOf(':');
        allUp &= infrastructure("kafka", PidFiles.KAFKA, stack.getProperty("kafka.mode", "embedded"),
                bootstrap.substring(0, colon), Integer.parseInt(bootstrap.split(",")[0].substring(colon + 1)));
        for (Service service : Service.ALL) {
            allUp &= service(service);
        }
        return allUp ? 0 : NOT_ALL_UP;
    }

    private boolean infrastructure(String name, String pidName, String mode, String host, int port) {
        String address = host + ":" + port;
        if (mode.equals("external")) {
            boolean reachable = Ports.reachable(host, port);
            say(row(name, "external", "", address + (reachable ? "  reachable" : "  NOT REACHABLE")));
            return reachable;
        }
        Optional<ProcessHandle> process = pids.alive(pidName);
        say(row(name, process.isPresent() ? "running" : "not running", process.map(p -> "pid " + p.pid()).orElse(""),
                process.isPresent() ? address : ""));
        return process.isPresent();
    }

    private boolean service(Service service) {
        Optional<ProcessHandle> process = pids.alive(service.name());
        boolean ready = process.isPresent() && Health.ready(service.port());
        say(row(service.name(), process.isPresent() ? "running" : "not running",
                process.map(p -> "pid " + p.pid()).orElse(""),
                process.isPresent() ? (ready ? "ready (UP)   " : "NOT READY    ") + service.url() : ""));
        return ready;
    }

    private static String row(String name, String state, String pid, String detail) {
        return String.format(ROW, name, state, pid, detail).stripTrailing();
    }

    private Properties stackDescription() {
        Properties stack = new Properties();
        if (Files.exists(paths.stackDescription())) {
            try (Reader reader = Files.newBufferedReader(paths.stackDescription())) {
                stack.load(reader);
            } catch (IOException e) {
                // Fall back to the defaults of an embedded stack.
            }
        }
        return stack;
    }
}
