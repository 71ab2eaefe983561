package dev.steelyard.payments.webhook;

import java.time.Clock;
import java.util.Base64;
import java.util.List;

import dev.steelyard.payments.config.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The Standard Webhooks scheme: {@code webhook-signature} holds space-separated {@code v1,<base64>}
 * signatures, each HMAC-SHA256 of {@code "<webhook-id>.<webhook-timestamp>.<body>"} keyed with the
 * base64 part of a {@code whsec_} secret.
 */
@ApplicationScoped
public class StandardWebhookSignature {

    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";

    @Inject
    WebhookConfig config;

    @Inject
    Clock clock;

    public void verify(String messageId, String timestampText, String signatureHeader, byte[] body) {
        require(ID, messageId);
        require(TIMESTAMP, timestampText);
        require(SIGNATURE, signatureHeader);
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampText.trim());
        } catch (NumberFormatException e) {
            throw new WebhookSignatureException(TIMESTAMP, "format", TIMESTAMP + " is not a number of seconds");
        }
        boolean matched = false;
        for (String secret : config.standard().secrets().orElse(List.of())) {
            String expected = Base64.getEncoder().encodeToString(
                    Hmac.sha256(key(secret), Hmac.utf8(messageId + "." + timestamp + "."), body));
            for (String versioned : signatureHeader.trim().split(" +")) {
                String[] parts = versioned.split(",", 2);
                if (parts.length == 2 && parts[0].equals("v1")) {
                    matched |= Hmac.sameText(expected, parts[1]);
                }
            }
        }
        if (!matched) {
            throw new WebhookSignatureException(SIGNATURE, "signature", "no v1 signature matches an active secret");
        }
        Timestamps.requireWithin(TIMESTAMP, timestamp, config.standard().tolerance(), clock);
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }

    private static void require(String header, String value) {
        if (value == null || value.isBlank()) {
            throw new WebhookSignatureException(header, "required", header + " header is missing");
        }
    }
}
