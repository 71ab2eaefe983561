package dev.steelyard.e2e;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signatures as Stripe and Adyen compute them (Standard Webhooks: the loader's StandardWebhookSigner). */
final class WebhookSignatures {

    private WebhookSignatures() {
    }

    /** The Stripe-Signature header: t=<seconds>,v1=<hex HMAC-SHA256 of "t.body" keyed with the whole secret>. */
    static String stripe(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(
                hmac(secret.getBytes(StandardCharsets.UTF_8), timestamp + "." + body));
    }

    /** Adyen's hmacSignature: base64 HMAC-SHA256, keyed with the hex key, of the item's fields joined by ':'. */
    static String adyen(String hexKey, String signedFields) {
        return Base64.getEncoder().encodeToString(hmac(HexFormat.of().parseHex(hexKey), signedFields));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
