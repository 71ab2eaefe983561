package dev.steelyard.payments.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /payments}: a bank transfer or cheque entered by hand. */
public record NewPayment(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' or '-' only") String legalEntity,
        @NotBlank @Size(max = 64) String customerId,
        @NotNull @Positive BigDecimal amount,
        @NotBlank String currency,
        @NotNull LocalDate valueDate,
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Z_]+", message = "upper-case letters and '_' only, e.g. BANK_TRANSFER or CHEQUE") String method,
        /** The bank's reference or the cheque number: a replay with the same one returns the original. */
        @NotBlank @Size(max = 128) String gatewayTransactionId,
        List<@NotBlank @Size(max = 64) String> remittanceReferences) {
}
