package dev.steelyard.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every public operation a service documents in its OpenAPI document (/q/openapi), so that a new
 * endpoint is swept without anyone listing it here.
 */
final class OpenApiOperations {

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    /** One documented operation: its parameters by location and the schema of its JSON body, if any. */
    record Operation(String service, String method, String path, List<String> pathParameters,
            List<String> queryParameters, JsonNode bodySchema, JsonNode document) {

        boolean isWebhook() {
            return path.startsWith("/webhooks/");
        }

        String label() {
            return service + " " + method + " " + path;
        }
    }

    private OpenApiOperations() {
    }

    static List<Operation> of(Suite suite, String service) {
        JsonNode document;
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    suite.uri(service).resolve("/q/openapi?format=json")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            document = new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("no OpenAPI document from " + service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method.toLowerCase());
                if (operation.isMissingNode()) {
                    continue;
                }
                List<String> inPath = new ArrayList<>();
                List<String> inQuery = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    switch (parameter.path("in").asText()) {
                        case "path" -> inPath.add(parameter.path("name").asText());
                        case "query" -> inQuery.add(parameter.path("name").asText());
                        default -> {
                        }
                    }
                }
                JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
                operations.add(new Operation(service, method, path.getKey(), inPath, inQuery,
                        body.isMissingNode() ? null : body, document));
            }
        }
        return operations;
    }

    /** Follows a "$ref" to its schema in the same document. */
    static JsonNode resolve(JsonNode schema, JsonNode document) {
        String ref = schema.path("$ref").asText(null);
        if (ref == null) {
            return schema;
        }
        return document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
