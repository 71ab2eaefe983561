package dev.steelyard.invoicing.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /invoices}. */
public record NewInvoice(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' or '-' only") String legalEntity,
        @NotBlank @Size(max = 64) String invoiceNumber,
        @NotBlank @Size(max = 64) String customerId,
        @NotBlank String currency,
        @NotNull @Positive BigDecimal amount,
        @NotNull LocalDate issueDate,
        @NotNull LocalDate dueDate) {
}
