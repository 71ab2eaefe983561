package dev.steelyard.kpi.stream;

import static dev.steelyard.kpi.ArEvents.invoice;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.steelyard.chassis.testing.SteelyardTestResource;
import dev.steelyard.chassis.testing.Tokens;
import dev.steelyard.kpi.ArEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The event stream pushes the scope's summary at once and again after each event. */
@QuarkusTest
@WithTestResource(SteelyardTestResource.class)
class KpiStreamTest {

    @TestHTTPResource("/kpis/stream")
    URI stream;

    @Test
    void streamPushesTheChangedSummaryAfterAnEvent() {
        String entity = ArEvents.newEntity();
        List<String> data = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream + "?entity=" + entity + "&month=2024-01"))
                .header("Authorization", "Bearer " + Tokens.withRoles("ops")).header("Accept", "text/event-stream")
                .build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> r.body().filter(line -> line.startsWith("data:")).forEach(data::add));
        await().atMost(Duration.ofSeconds(20)).until(() -> !data.isEmpty());
        assertTrue(data.get(0).contains("\"endingAR\":\"0.00\""), data.get(0));

        ArEvents.send(invoice(entity, "C-1", "A-1", "USD", "123.45", "2024-01-10", "2024-02-09"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> data.stream().anyMatch(line -> line.contains("\"endingAR\":\"123.45\"")));
        assertEquals(200, response.join().statusCode());
        response.join().body().close();
    }
}
