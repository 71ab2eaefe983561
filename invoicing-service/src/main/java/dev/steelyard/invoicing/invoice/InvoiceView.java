package dev.steelyard.invoicing.invoice;

import java.time.LocalDate;

/** An invoice as the API shows it; amounts as decimal strings in the currency's minor units. */
public record InvoiceView(String legalEntity, String invoiceNumber, String customerId, String currency, String amount,
        LocalDate issueDate, LocalDate dueDate) {

    static InvoiceView of(Invoice invoice) {
        return new InvoiceView(invoice.legalEntity, invoice.invoiceNumber, invoice.customerId, invoice.currency,
                invoice.money().amount().toPlainString(), invoice.issueDate, invoice.dueDate);
    }
}
