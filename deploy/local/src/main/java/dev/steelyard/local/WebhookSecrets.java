package dev.steelyard.local;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One signing secret per webhook scheme for payments-service, in {@code run/webhooks.env}.
 * Generated on the first start and kept afterwards, because whoever sends test webhooks (a
 * script, a PSP's CLI) has been configured with them.
 */
final class WebhookSecrets {

    static final String STRIPE = "STEELYARD_WEBHOOKS_STRIPE_SECRETS";
    static final String STANDARD = "STEELYARD_WEBHOOKS_STANDARD_SECRETS";
    static final String ADYEN = "STEELYARD_WEBHOOKS_ADYEN_HMAC_KEYS";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private WebhookSecrets() {
    }

    /** The secrets in the file, adding (and saving) any that are missing. */
    static Map<String, String> ensure(Path file) {
        Map<String, String> existing = EnvFile.read(file);
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put(STRIPE, existing.getOrDefault(STRIPE, ""));
        secrets.put(STANDARD, existing.getOrDefault(STANDARD, ""));
        secrets.put(ADYEN, existing.getOrDefault(ADYEN, ""));
        boolean generated = fillIfBlank(secrets, STRIPE, WebhookSecrets::stripeSecret)
                | fillIfBlank(secrets, STANDARD, WebhookSecrets::standardWebhooksSecret)
                | fillIfBlank(secrets, ADYEN, WebhookSecrets::adyenHmacKey);
        if (generated) {
            EnvFile.write(file, List.of(
                    "Webhook signing secrets of the local payments-service, one per scheme.",
                    "Generated once and kept; delete this file to get new ones on the next start."), secrets);
        }
        return secrets;
    }

    /** Stripe style: whsec_ and 32 letters or digits. */
    static String stripeSecret() {
        StringBuilder secret = new StringBuilder("whsec_");
        for (int i = 0; i < 32; i++) {
            secret.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return secret.toString();
    }

    /** Standard Webhooks style: whsec_ and the base64 of the key bytes. */
    static String standardWebhooksSecret() {
        return "whsec_" + Base64.getEncoder().encodeToString(randomBytes(24));
    }

    /** Adyen style: a 32-byte HMAC key as 64 hex digits, upper case as the Customer Area shows it. */
    static String adyenHmacKey() {
        return HexFormat.of().withUpperCase().formatHex(randomBytes(32));
    }

    private static boolean fillIfBlank(Map<String, String> secrets, String key, Supplier<String> generator) {
        if (!secrets.get(key).isBlank()) {
            return false;
        }
        secrets.put(key, generator.get());
        return true;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
