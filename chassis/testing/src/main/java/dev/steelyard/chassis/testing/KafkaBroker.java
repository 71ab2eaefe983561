package dev.steelyard.chassis.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jboss.logging.Logger;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) in a child JVM, started
 * from the Kafka artifacts on the classpath. It keeps its port and log directory across
 * {@link #stop()} and {@link #start()}, so clients reconnect as they would to a restarted
 * production broker.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaBroker.class);
    private static final String CLUSTER_ID = "c3RlZWx5YXJkLWthZmthMQ";

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final String classpath;

    public KafkaBroker(Path directory, int port) {
        this(directory, port, freePort(), System.getProperty("java.class.path"));
    }

    /**
     * A broker kept in {@code directory}. Several instances may name the same directory (for
     * example from different class loaders): the running process is found through its pid file.
     */
    public KafkaBroker(Path directory, int port, int controllerPort, String classpath) {
        this.directory = directory.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path directory() {
        return directory;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized KafkaBroker start() {
        if (isRunning()) {
            return this;
        }
        try {
            Files.createDirectories(directory);
            Path properties = writeProperties();
            if (!Files.exists(directory.resolve("data").resolve("meta.properties"))) {
                run(List.of("kafka.tools.StorageTool", "format", "--standalone", "-t", CLUSTER_ID, "-c",
                        properties.toString()), directory.resolve("format.log"), Duration.ofSeconds(60));
            }
            Process process = java(List.of("kafka.Kafka", properties.toString()), directory.resolve("broker.log")).start();
            Files.writeString(pidFile(), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka in " + directory, e);
        }
        awaitReady(Duration.ofSeconds(90));
        return this;
    }

    /** Stops the broker gracefully and waits until it is gone. */
    public synchronized void stop() {
        process().ifPresent(process -> {
            process.destroy();
            awaitExit(process, Duration.ofSeconds(30));
        });
    }

    /** Ends the broker at once, as a crash would. */
    public synchronized void kill() {
        process().ifPresent(process -> {
            process.destroyForcibly();
            awaitExit(process, Duration.ofSeconds(10));
        });
    }

    public synchronized boolean isRunning() {
        return process().isPresent();
    }

    private java.util.Optional<ProcessHandle> process() {
        try {
            if (!Files.exists(pidFile())) {
                return java.util.Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile()).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private Path pidFile() {
        return directory.resolve("broker.pid");
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            process.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000))) {
            while (System.nanoTime() < deadline) {
                if (!isRunning()) {
                    throw new IllegalStateException("Kafka exited; see " + directory.resolve("broker.log"));
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        LOG.infof("Kafka broker ready at %s", bootstrapServers());
                        return;
                    }
                } catch (Exception notYet) {
                    Thread.sleep(200);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("Kafka was not ready within " + timeout + "; see " + directory.resolve("broker.log"));
    }

    private Path writeProperties() throws IOException {
        Path file = directory.resolve("server.properties");
        String listeners = "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort;
        Files.writeString(file, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=" + listeners,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "log.dirs=" + directory.resolve("data"),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=-1",
                ""));
        return file;
    }

    private void run(List<String> arguments, Path log, Duration timeout) throws IOException {
        Process formatting = java(arguments, log).start();
        try {
            if (!formatting.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || formatting.exitValue() != 0) {
                throw new IllegalStateException("Kafka storage format failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage");
        }
    }

    private ProcessBuilder java(List<String> arguments, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + directory));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("CLASSPATH", classpath);
        return builder;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
