package dev.steelyard.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A service running as a child JVM, with its output in {@code run/logs/<service>.log}. */
final class ServiceProcess {

    /**
     * Five of these share a laptop's memory and cores with Kafka and PostgreSQL. Startup is
     * CPU-bound: the client compiler only and the serial collector start the five about 15%
     * faster on two cores, and peak speed does not matter on a developer's machine.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Service service;
    private final Process process;
    private final Path log;

    private ServiceProcess(Service service, Process process, Path log) {
        this.service = service;
        this.process = process;
        this.log = log;
    }

    /** Starts the service with a fresh log. */
    static ServiceProcess start(Service service, Path root, Path log, Map<String, String> environment) {
        return start(service, root, log, environment, false);
    }

    /** Starts the service; a restart appends to the log, so what came before a crash stays readable. */
    static ServiceProcess start(Service service, Path root, Path log, Map<String, String> environment,
            boolean appendToLog) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(service.runnableJar(root).toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(appendToLog ? ProcessBuilder.Redirect.appendTo(log.toFile())
                        : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            return new ServiceProcess(service, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.name(), e);
        }
    }

    Service service() {
        return service;
    }

    Process process() {
        return process;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }
}
