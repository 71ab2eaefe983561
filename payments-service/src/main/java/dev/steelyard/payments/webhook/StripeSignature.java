package dev.steelyard.payments.webhook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import dev.steelyard.payments.config.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Stripe's scheme: {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">},
 * keyed with the endpoint secret as it is written ({@code whsec_...}); any active secret may match.
 */
@ApplicationScoped
public class StripeSignature {

    static final String HEADER = "Stripe-Signature";

    @Inject
    WebhookConfig config;

    @Inject
    Clock clock;

    public void verify(String header, byte[] body) {
        if (header == null || header.isBlank()) {
            throw new WebhookSignatureException(HEADER, "required", HEADER + " header is missing");
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String element : header.split(",")) {
            String[] pair = element.trim().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            if (pair[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(pair[1]);
                } catch (NumberFormatException e) {
                    throw new WebhookSignatureException(HEADER, "format", "timestamp t is not a number");
                }
            } else if (pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw new WebhookSignatureException(HEADER, "format", HEADER + " needs a timestamp t and a v1 signature");
        }
        if (!matchesActiveSecret(timestamp, body, signatures)) {
            throw new WebhookSignatureException(HEADER, "signature", "no v1 signature matches an active secret");
        }
        Timestamps.requireWithin(HEADER, timestamp, config.stripe().tolerance(), clock);
    }

    private boolean matchesActiveSecret(long timestamp, byte[] body, List<String> signatures) {
        boolean matched = false;
        for (String secret : config.stripe().secrets().orElse(List.of())) {
            String expected = HexFormat.of().formatHex(Hmac.sha256(Hmac.utf8(secret), Hmac.utf8(timestamp + "."), body));
            for (String signature : signatures) {
                // No early exit: every comparison runs, whichever secret matched.
                matched |= Hmac.sameText(expected, signature);
            }
        }
        return matched;
    }
}
