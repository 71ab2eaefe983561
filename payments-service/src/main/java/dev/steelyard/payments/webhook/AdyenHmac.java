package dev.steelyard.payments.webhook;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.steelyard.payments.config.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Adyen's notification HMAC: base64 HMAC-SHA256, keyed with the hex HMAC key, of pspReference,
 * originalReference, merchantAccountCode, merchantReference, amount value, currency, eventCode
 * and success joined with ':', carried in {@code additionalData.hmacSignature} of each item.
 */
@ApplicationScoped
public class AdyenHmac {

    static final String FIELD = "additionalData.hmacSignature";

    @Inject
    WebhookConfig config;

    public void verify(JsonNode item, int index) {
        String field = "notificationItems[" + index + "].NotificationRequestItem." + FIELD;
        String given = item.path("additionalData").path("hmacSignature").asText("");
        if (given.isBlank()) {
            throw new WebhookSignatureException(field, "required", field + " is missing");
        }
        byte[] data = Hmac.utf8(dataToSign(item));
        boolean matched = false;
        for (String key : config.adyen().hmacKeys().orElse(List.of())) {
            String expected = Base64.getEncoder().encodeToString(Hmac.sha256(HexFormat.of().parseHex(key), data));
            matched |= Hmac.sameText(expected, given);
        }
        if (!matched) {
            throw new WebhookSignatureException(field, "signature", "the HMAC signature matches no active key");
        }
    }

    static String dataToSign(JsonNode item) {
        JsonNode amount = item.path("amount");
        return String.join(":", text(item, "pspReference"), text(item, "originalReference"),
                text(item, "merchantAccountCode"), text(item, "merchantReference"), text(amount, "value"),
                text(amount, "currency"), text(item, "eventCode"), text(item, "success"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
