package dev.steelyard.collections.dunning;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.steelyard.chassis.events.EventJson;
import dev.steelyard.collections.CollectionsConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The signed outbound webhook channel for an ERP or CRM. Headers: {@code Steelyard-Timestamp}
 * (epoch seconds) and {@code Steelyard-Signature: v1=<hex HMAC-SHA256 of "timestamp.body">}, so the
 * receiver can refuse forged and replayed calls.
 */
@ApplicationScoped
public class DunningWebhook {

    public static final String TIMESTAMP = "Steelyard-Timestamp";
    public static final String SIGNATURE = "Steelyard-Signature";

    /** The JSON body posted for one dunning message. */
    public record Body(String messageId, String legalEntity, String customerId, int level, List<String> actions,
            String asOf, List<DunningMessagesResource.ItemView> invoices) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    CollectionsConfig config;

    @Inject
    Clock clock;

    void post(String url, DunningMessage message) {
        String secret = config.webhookSecret()
                .orElseThrow(() -> new IllegalStateException("steelyard.collections.webhook-secret is not set"));
        List<DunningMessagesResource.ItemView> items = QuarkusTransaction.requiringNew()
                .call(() -> DunningMessageItem.of(message.id).stream().map(DunningMessagesResource::item).toList());
        String body;
        try {
            body = EventJson.MAPPER.writeValueAsString(new Body(message.id.toString(), message.legalEntity,
                    message.customerId, message.level, message.actions.isEmpty() ? List.of()
                            : List.of(message.actions.split(",")), message.asOf.toString(), items));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "v1=" + sign(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("webhook answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("webhook unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the webhook", e);
        }
    }

    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
