package dev.steelyard.local;

import java.util.Arrays;
import java.util.List;

/**
 * Runs the whole Steelyard suite on one machine, without Docker: embedded PostgreSQL, a Kafka
 * broker and the five services. Started through the deploy/local/steelyard script.
 */
public final class LocalStack {

    /** When the user's command started, so the reported start time includes the launcher. */
    static final String LAUNCHED_AT_PROPERTY = "steelyard.launched-at";

    private static final String USAGE = """
            Usage: deploy/local/steelyard <command>

              up [--detach|-d] [--build]   start PostgreSQL, Kafka and the five services; wait until ready.
                                           In the foreground, Ctrl-C stops everything; --detach returns
                                           once ready and leaves the stack running. --build rebuilds first.
              down                         stop a running stack (also what a crashed one left behind)
              status                       show what runs and what is ready; exit code 3 unless all is up
              stop <component> [--kill]    stop one component of the running stack (--kill: SIGKILL, as a
                                           crash would); components: postgres, kafka, invoicing-service,
                                           payments-service, credit-service, collections-service, kpi-service
              start <component>            start it again and wait until it is ready
              restart <component> [--kill] stop, then start
              load <csv|sample> [--shuffle] [--duplicates SHARE] [--seed N] [--concurrency N] [--json]
                                           replay a receivables CSV through the running suite (invoices
                                           to invoicing-service, signed payment webhooks to payments-service),
                                           then print the month-end KPIs kpi-service reports

            Environment: STEELYARD_PG_HOST (STEELYARD_PG_PORT, STEELYARD_PG_USER, STEELYARD_PG_PASSWORD)
            use an existing PostgreSQL; STEELYARD_KAFKA_BOOTSTRAP uses an existing Kafka;
            STEELYARD_RUN_DIR keeps the stack's state elsewhere than deploy/local/run;
            STEELYARD_PORT_OFFSET (0-1000) moves every port, so a second stack can run beside the first.
            """;

    private LocalStack() {
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = run(args);
        } catch (RuntimeException e) {
            System.err.println("steelyard: " + e.getMessage());
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    static int run(String[] args) {
        if (args.length == 0) {
            System.err.print(USAGE);
            return 2;
        }
        List<String> options = Arrays.asList(args).subList(1, args.length);
        switch (args[0]) {
            case "up":
                if (!known(options, "--detach", "-d")) {
                    return usageError();
                }
                return new Launcher(StackPaths.locate()).up(options.contains("--detach") || options.contains("-d"));
            case "supervise":
                // Internal: the process that `up` starts in a session of its own.
                if (!known(options, "--detached")) {
                    return usageError();
                }
                LibraryLogging.toFile(StackPaths.locate());
                return new Supervisor(StackPaths.locate(), InfrastructureConfig.from(System.getenv()),
                        options.contains("--detached"),
                        Long.getLong(LAUNCHED_AT_PROPERTY, System.currentTimeMillis())).run();
            case "down":
                return options.isEmpty() ? new StopCommand(StackPaths.locate()).run() : usageError();
            case "stop", "start", "restart":
                try {
                    return ComponentCommand.parse(Arrays.asList(args)).send(StackPaths.locate());
                } catch (IllegalArgumentException e) {
                    System.err.println("steelyard: " + e.getMessage());
                    return 2;
                }
            case "status":
                return options.isEmpty() ? new StatusCommand(StackPaths.locate()).run() : usageError();
            case "load":
                try {
                    return new LoadCommand(StackPaths.locate(), System.out, System.err).run(options);
                } catch (IllegalArgumentException e) {
                    System.err.println("steelyard load: " + e.getMessage());
                    return 2;
                } catch (Exception e) {
                    System.err.println("steelyard load: " + e.getMessage());
                    return 1;
                }
            case "help", "-h", "--help":
                System.out.print(USAGE);
                return 0;
            default:
                return usageError();
        }
    }

    private static boolean known(List<String> options, String... allowed) {
        return List.of(allowed).containsAll(options);
    }

    private static int usageError() {
        System.err.print(USAGE);
        return 2;
    }
}
