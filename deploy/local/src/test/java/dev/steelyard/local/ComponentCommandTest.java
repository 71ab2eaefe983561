package dev.steelyard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentCommandTest {

    @TempDir
    Path control;

    @Test
    void componentsAreNamedAsTheStatusCommandShowsThemOrByTheirShortName() {
        assertEquals(new ComponentCommand("stop", "payments-service", true),
                ComponentCommand.parse(List.of("stop", "payments", "--kill")));
        assertEquals(new ComponentCommand("restart", "postgres", false),
                ComponentCommand.parse(List.of("restart", "postgresql")));
        assertEquals(new ComponentCommand("start", "kafka", false), ComponentCommand.parse(List.of("start", "kafka")));
    }

    @Test
    void anUnknownComponentOrOptionIsRefusedWithTheKnownOnes() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ComponentCommand.parse(List.of("stop", "zookeeper")));
        assertTrue(unknown.getMessage().contains("postgres, kafka, invoicing-service"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ComponentCommand.parse(List.of("start", "kafka", "--kill")));
        assertThrows(IllegalArgumentException.class, () -> ComponentCommand.parse(List.of("stop", "kafka", "--force")));
        assertThrows(IllegalArgumentException.class, () -> ComponentCommand.parse(List.of("stop")));
    }

    @Test
    void aRequestIsAnsweredByWhoeverServesTheChannel() throws Exception {
        ControlChannel channel = new ControlChannel(control);
        CompletableFuture<Optional<ControlChannel.Reply>> sent = CompletableFuture.supplyAsync(
                () -> channel.send("stop kafka --kill", Duration.ofSeconds(30)));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!sent.isDone() && System.nanoTime() < deadline) {
            channel.serve(request -> new ControlChannel.Reply(request.equals("stop kafka --kill") ? 0 : 9,
                    "Kafka killed (SIGKILL) in 0.4 s."));
            Thread.sleep(50);
        }
        assertEquals(Optional.of(new ControlChannel.Reply(0, "Kafka killed (SIGKILL) in 0.4 s.")), sent.get());
        try (var left = Files.list(control)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aRequestNobodyAnswersIsTakenBack() throws Exception {
        assertEquals(Optional.empty(), new ControlChannel(control).send("start kafka", Duration.ofMillis(300)));
        try (var left = Files.list(control)) {
            assertEquals(0, left.count());
        }
    }
}
