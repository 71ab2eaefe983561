package dev.steelyard.payments.webhook;

/** A webhook whose signature or timestamp does not prove it genuine: 401, and nothing is stored. */
public class WebhookSignatureException extends RuntimeException {

    private final String field;
    private final String rule;

    public WebhookSignatureException(String field, String rule, String detail) {
        super(detail);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
