package dev.steelyard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.steelyard.local.load.ReceivablesCsv;

/**
 * The main job, end to end: the packaged suite on a real Kafka broker and PostgreSQL, started by
 * the local stack's own command and shared with the other end-to-end tests, replays the whole IBM
 * history shuffled with duplicated webhooks, every month-end KPI equals the reference computed
 * from the CSV, and a full rebuild of kpi-service's projections gives the same figures again.
 */
@ExtendWith(SuiteExtension.class)
class ReceivablesReplayTest {

    private static final Path SAMPLE = Suite.ROOT.resolve("deploy/data/ibm-accounts-receivable.csv");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Suite suite;
    private static URI kpi;

    @BeforeAll
    static void shareTheSuite(Suite running) {
        suite = running;
        kpi = running.uri("kpi-service");
    }

    @Test
    void shuffledDuplicatedReplayGivesTheReferenceFiguresForEveryMonthAndARebuildKeepsThem() throws Exception {
        String json = Suite.steelyard(List.of("load", "sample", "--shuffle", "--duplicates", "0.1", "--seed", "7",
                "--json"), Duration.ofMinutes(10));
        JsonNode months = JSON.readTree(json.substring(json.indexOf('[')));
        ReferenceKpis reference = new ReferenceKpis(ReceivablesCsv.read(SAMPLE));
        assertEquals(24, months.size());
        List<String> mismatches = new ArrayList<>();
        YearMonth month = YearMonth.of(2012, 1);
        for (JsonNode reported : months) {
            Map<String, String> expected = reference.month(month);
            Map<String, String> actual = figures(reported);
            for (Map.Entry<String, String> figure : expected.entrySet()) {
                if (!java.util.Objects.equals(figure.getValue(), actual.get(figure.getKey()))) {
                    mismatches.add(month + " " + figure.getKey() + ": expected " + figure.getValue() + ", reported "
                            + actual.get(figure.getKey()));
                }
            }
            month = month.plusMonths(1);
        }
        assertEquals(List.of(), mismatches);

        // A full rebuild of kpi-service's projections from the topics gives the same figures.
        int generation = rebuildStatus().path("activeGeneration").asInt();
        HttpResponse<String> started = http(HttpRequest.newBuilder(kpi.resolve("/admin/rebuild"))
                .header("Authorization", "Bearer " + suite.token("admin"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, started.statusCode(), started.body());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!(rebuildStatus().path("state").asText().equals("idle")
                && rebuildStatus().path("activeGeneration").asInt() > generation)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rebuild did not finish in 5 minutes: " + rebuildStatus());
            }
            Thread.sleep(500);
        }
        month = YearMonth.of(2012, 1);
        for (JsonNode reported : months) {
            HttpResponse<String> again = http(HttpRequest.newBuilder(kpi.resolve("/kpis/month/" + month
                    + "?currency=USD")).header("Authorization", "Bearer " + suite.token("ops")).GET());
            assertEquals(figures(reported), figures(JSON.readTree(again.body())), "after the rebuild, " + month);
            month = month.plusMonths(1);
        }
    }

    private static JsonNode rebuildStatus() throws IOException, InterruptedException {
        return JSON.readTree(http(HttpRequest.newBuilder(kpi.resolve("/admin/rebuild"))
                .header("Authorization", "Bearer " + suite.token("admin")).GET()).body());
    }

    private static HttpResponse<String> http(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> figures(JsonNode month) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (String name : List.of("beginningAR", "creditSales", "endingAR", "endingCurrentAR", "dsoStandard",
                "dsoCountback", "bestPossibleDso", "averageDaysDelinquent", "cei")) {
            figures.put(name, month.path(name).isNull() ? null : month.path(name).asText());
        }
        month.path("aging").fields().forEachRemaining(e -> figures.put("aging." + e.getKey(), e.getValue().asText()));
        return figures;
    }
}
