package dev.steelyard.collections.dunning;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A dunning policy: ordered levels, the minimum gap between two steps on one invoice, the
 * entity's time zone and, for the webhook channel, where the ERP or CRM listens.
 */
public record PolicyDefinition(@Size(max = 64) String timeZone, @NotNull @Min(0) Integer minimumGapDays,
        @Size(max = 2000) String webhookUrl, @NotEmpty @Valid List<Level> levels) {

    public enum Channel {
        EMAIL, WEBHOOK
    }

    /** What a step does besides the message; CREDIT_HOLD asks credit-service for a hold through the event. */
    public enum Action {
        NOTIFY_COLLECTOR, CREDIT_HOLD, AGENCY
    }

    /**
     * One level. daysPastDue counts from the due date (negative: a friendly reminder before it);
     * a message goes out only when the invoices at this level add up to minimumOpenAmount.
     */
    public record Level(@NotNull @Min(0) Integer level, @NotNull Integer daysPastDue,
            @NotNull @DecimalMin("0") BigDecimal minimumOpenAmount, @NotNull Channel channel,
            @NotNull @Valid Map<String, Template> templates, List<Action> actions) {

        public List<Action> actionsOrNone() {
            return actions == null ? List.of() : actions;
        }

        /** The template in the language, English when the policy has none in it. */
        public Template template(String language) {
            Template template = language == null ? null : templates.get(language);
            return template != null ? template : templates.get("en");
        }
    }

    /**
     * Text of one language. Placeholders: subject and body {customer}, {asOf}, {total}, {invoices}
     * (one line per invoice); line {invoiceNumber}, {dueDate}, {openAmount}, {currency}, {daysPastDue}.
     */
    public record Template(@NotBlank @Size(max = 500) String subject, @NotBlank @Size(max = 10000) String body,
            @NotBlank @Size(max = 500) String line) {
    }

    /** The highest level an invoice this many days past due has reached, if any. */
    public Optional<Level> reachedBy(long daysPastDue) {
        Level reached = null;
        for (Level level : levels) {
            if (level.daysPastDue() <= daysPastDue) {
                reached = level;
            }
        }
        return Optional.ofNullable(reached);
    }

    public Level level(int number) {
        return levels.stream().filter(l -> l.level() == number).findFirst()
                .orElseThrow(() -> new IllegalStateException("no level " + number));
    }
}
