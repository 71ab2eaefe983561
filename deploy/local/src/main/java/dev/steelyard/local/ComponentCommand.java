package dev.steelyard.local;

import static dev.steelyard.local.Console.say;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code steelyard stop|start|restart <component> [--kill]}: one component of a running stack,
 * as an operator takes one down for maintenance or a test injects a fault. The supervisor does
 * the work, so it knows the stop was wanted and starts the component as it did the first time.
 */
record ComponentCommand(String action, String component, boolean kill) {

    static final String COMPONENTS = "postgres, kafka, " + String.join(", ",
            Service.ALL.stream().map(Service::name).toList());

    /** Longer than the slowest start: a service's readiness wait, after a graceful stop. */
    private static final Duration REPLY_TIMEOUT = ReadinessWait.TIMEOUT.plusSeconds(60);

    /** Reads "stop kafka", "restart payments-service --kill", ... */
    static ComponentCommand parse(List<String> words) {
        if (words.isEmpty() || !List.of("stop", "start", "restart").contains(words.get(0))) {
            throw new IllegalArgumentException("expected stop, start or restart");
        }
        String action = words.get(0);
        List<String> options = words.subList(1, words.size()).stream().filter(word -> word.startsWith("-")).toList();
        List<String> names = words.subList(1, words.size()).stream().filter(word -> !word.startsWith("-")).toList();
        boolean kill = options.contains("--kill");
        if (names.size() != 1 || !options.stream().allMatch("--kill"::equals) || kill && action.equals("start")) {
            throw new IllegalArgumentException("usage: steelyard " + action + " <component>"
                    + (action.equals("start") ? "" : " [--kill]") + "; components: " + COMPONENTS);
        }
        return new ComponentCommand(action, canonical(names.get(0)), kill);
    }

    private static String canonical(String name) {
        return switch (name) {
            case "postgres", "postgresql" -> PidFiles.POSTGRES;
            case "kafka" -> PidFiles.KAFKA;
            default -> Service.named(name).map(Service::name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown component '" + name + "'; components: " + COMPONENTS));
        };
    }

    /** The component name a user types for what the supervisor calls "Kafka", "PostgreSQL" or a service. */
    static String nameOf(String what) {
        return switch (what) {
            case "Kafka" -> PidFiles.KAFKA;
            case "PostgreSQL" -> PidFiles.POSTGRES;
            default -> what;
        };
    }

    /** Hands the request to the running supervisor and reports its answer. */
    int send(StackPaths paths) {
        Optional<ProcessHandle> supervisor = new PidFiles(paths.pids()).alive(PidFiles.SUPERVISOR);
        if (supervisor.isEmpty()) {
            say("Steelyard is not running; start it with: deploy/local/steelyard up");
            return 1;
        }
        String request = action + " " + component + (kill ? " --kill" : "");
        Optional<ControlChannel.Reply> reply = new ControlChannel(paths.control()).send(request, REPLY_TIMEOUT);
        if (reply.isEmpty()) {
            say("The supervisor (pid %d) did not answer within %d s; see %s.", supervisor.get().pid(),
                    REPLY_TIMEOUT.toSeconds(), paths.show(paths.log(PidFiles.SUPERVISOR)));
            return 1;
        }
        say(reply.get().message());
        return reply.get().exitCode();
    }
}
