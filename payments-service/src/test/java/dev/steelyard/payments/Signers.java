package dev.steelyard.payments;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import com.adyen.model.notification.Amount;
import com.adyen.model.notification.NotificationRequestItem;
import com.adyen.util.HMACValidator;
import com.standardwebhooks.Webhook;

/**
 * Signs test webhooks with the providers' own published Java libraries (stripe-java,
 * standardwebhooks, adyen-java-api-library), with the secrets of the test configuration.
 */
public final class Signers {

    public static final String STRIPE_SECRET = "whsec_test_stripe_current";
    public static final String STRIPE_PREVIOUS_SECRET = "whsec_test_stripe_previous";
    public static final String STANDARD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public static final String ADYEN_KEY = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";

    private Signers() {
    }

    /** A Stripe-Signature header for the body, made with stripe-java's own HMAC. */
    public static String stripe(String secret, long timestamp, String body) {
        try {
            return "t=" + timestamp + ",v1="
                    + com.stripe.net.Webhook.Util.computeHmacSha256(secret, timestamp + "." + body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String stripe(String body) {
        return stripe(STRIPE_SECRET, Instant.now().getEpochSecond(), body);
    }

    /** A webhook-signature header made with the Standard Webhooks reference library. */
    public static String standard(String secret, String messageId, long timestamp, String body) {
        try {
            return new Webhook(secret).sign(messageId, timestamp, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adyen's HMAC of a notification item, computed by Adyen's HMACValidator. */
    public static String adyen(String pspReference, String originalReference, String merchantAccount,
            String merchantReference, long value, String currency, String eventCode, boolean success) {
        NotificationRequestItem item = new NotificationRequestItem()
                .setPspReference(pspReference)
                .setOriginalReference(originalReference)
                .setMerchantAccountCode(merchantAccount)
                .setMerchantReference(merchantReference)
                .setAmount(new Amount().value(value).currency(currency))
                .setEventCode(eventCode)
                .setSuccess(success)
                .setAdditionalData(Map.of());
        try {
            return new HMACValidator().calculateHMAC(item, ADYEN_KEY);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
