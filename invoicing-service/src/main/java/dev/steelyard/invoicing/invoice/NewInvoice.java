package dev.steelyard.invoicing.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /invoices}: one invoice as the ERP sends it. */
public record NewInvoice(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' or '-' only") String legalEntity,
        @NotBlank @Size(max = 64) String invoiceNumber,
        @NotNull @Valid Customer customer,
        @NotBlank String currency,
        @NotNull LocalDate issueDate,
        @Size(max = 32) String paymentTerms,
        LocalDate dueDate,
        @NotEmpty @Size(max = 1000) List<@NotNull @Valid Line> lines,
        @NotNull @PositiveOrZero BigDecimal netAmount,
        @NotNull @PositiveOrZero BigDecimal taxAmount,
        @NotNull @Positive BigDecimal grossAmount,
        @Valid References references) {

    /** Who is invoiced. */
    public record Customer(@NotBlank @Size(max = 64) String id, @Size(max = 200) String name,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code") String country) {
    }

    /** One line: quantity times unit price, taxed at a rate in percent. */
    public record Line(@NotBlank @Size(max = 500) String description, @NotNull @Positive BigDecimal quantity,
            @NotBlank @Size(max = 16) String unit, @NotNull @PositiveOrZero BigDecimal unitPrice,
            @NotNull @PositiveOrZero @DecimalMax("100") BigDecimal taxRate) {
    }

    /** The ERP documents behind the invoice. */
    public record References(@Size(max = 64) String purchaseOrder, @Size(max = 64) String salesOrder,
            @Size(max = 64) String deliveryNote) {
    }
}
