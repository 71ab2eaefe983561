package dev.steelyard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.steelyard.local.load.ReceivablesCsv;

/**
 * The main job, end to end: the packaged suite on a real Kafka broker and PostgreSQL, started by
 * the local stack's own command, replays the whole IBM history shuffled with duplicated
 * webhooks, every month-end KPI equals the reference computed from the CSV, and a full rebuild
 * of kpi-service's projections gives the same figures again.
 */
class ReceivablesReplayTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path RUN = Path.of("target/e2e-run").toAbsolutePath();
    private static final Path SAMPLE = ROOT.resolve("deploy/data/ibm-accounts-receivable.csv");
    private static final URI KPI = URI.create("http://localhost:8085");
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void startSuite() throws Exception {
        steelyard(List.of("down"), 120);
        deleteRecursively(RUN);
        steelyard(List.of("up", "--detach"), 300);
    }

    @AfterAll
    static void stopSuite() throws Exception {
        steelyard(List.of("down"), 120);
    }

    @Test
    void shuffledDuplicatedReplayGivesTheReferenceFiguresForEveryMonthAndARebuildKeepsThem() throws Exception {
        String json = steelyard(List.of("load", "sample", "--shuffle", "--duplicates", "0.1", "--seed", "7", "--json"),
                600);
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
        HttpResponse<String> started = http(HttpRequest.newBuilder(KPI.resolve("/admin/rebuild"))
                .header("Authorization", "Bearer " + token("STEELYARD_TOKEN_ADMIN"))
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
            HttpResponse<String> again = http(HttpRequest.newBuilder(KPI.resolve("/kpis/month/" + month
                    + "?currency=USD")).header("Authorization", "Bearer " + token("STEELYARD_TOKEN_OPS")).GET());
            assertEquals(figures(reported), figures(JSON.readTree(again.body())), "after the rebuild, " + month);
            month = month.plusMonths(1);
        }
    }

    private static JsonNode rebuildStatus() throws IOException, InterruptedException {
        return JSON.readTree(http(HttpRequest.newBuilder(KPI.resolve("/admin/rebuild"))
                .header("Authorization", "Bearer " + token("STEELYARD_TOKEN_ADMIN")).GET()).body());
    }

    private static HttpResponse<String> http(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String name) throws IOException {
        return Files.readAllLines(RUN.resolve("tokens.env")).stream().filter(line -> line.startsWith(name + "="))
                .map(line -> line.substring(name.length() + 1)).findFirst().orElseThrow();
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

    /** Runs the local stack's command as a user would, with its state under target/. */
    static String steelyard(List<String> arguments, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("deploy/local/steelyard").toString());
        command.addAll(arguments);
        Path log = Files.createTempFile(Path.of("target"), "steelyard-", ".out");
        Path errors = Path.of(log + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(log.toFile()).redirectError(errors.toFile());
        builder.environment().put("STEELYARD_RUN_DIR", RUN.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("steelyard " + arguments + " did not finish in " + timeoutSeconds + " s");
        }
        String output = Files.readString(log);
        if (process.exitValue() != 0 && !arguments.equals(List.of("down"))) {
            throw new IllegalStateException("steelyard " + arguments + " exited " + process.exitValue() + ":\n" + output
                    + Files.readString(errors));
        }
        return output;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
