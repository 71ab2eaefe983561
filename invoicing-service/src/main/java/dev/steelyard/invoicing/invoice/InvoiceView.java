package dev.steelyard.invoicing.invoice;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An invoice as the API shows it; amounts as decimal strings in the currency's minor units. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvoiceView(String legalEntity, String invoiceNumber, Customer customer, String currency,
        LocalDate issueDate, LocalDate dueDate, Terms terms, List<Line> lines, String netAmount, String taxAmount,
        String grossAmount, String creditedAmount, String settledAmount, String openAmount, InvoiceStatus status,
        LocalDate cancellationDate, NewInvoice.References references) {

    /** The invoiced customer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Customer(String id, String name, String country) {
    }

    /** The terms that gave the due date, with the discount they offer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Terms(String code, String type, Integer netDays, String discountPercent, Integer discountDays,
            LocalDate discountDate, String discountedAmount) {
    }

    /** One invoice line. */
    public record Line(String description, String quantity, String unit, String unitPrice, String taxRate,
            String netAmount, String taxAmount) {
    }

    static InvoiceView of(Invoice invoice) {
        Terms terms = invoice.termsCode == null ? null
                : new Terms(invoice.termsCode, invoice.termsType, invoice.netDays, plain(invoice.discountPercent),
                        invoice.discountDays, invoice.discountDate, text(invoice, invoice.discountedAmount));
        List<Line> lines = invoice.lines.stream()
                .map(l -> new Line(l.description, plain(l.quantity), l.unit, plain(l.unitPrice), plain(l.taxRate),
                        text(invoice, l.netAmount), text(invoice, l.taxAmount)))
                .toList();
        NewInvoice.References references = invoice.purchaseOrder == null && invoice.salesOrder == null
                && invoice.deliveryNote == null ? null
                        : new NewInvoice.References(invoice.purchaseOrder, invoice.salesOrder, invoice.deliveryNote);
        return new InvoiceView(invoice.legalEntity, invoice.invoiceNumber,
                new Customer(invoice.customerId, invoice.customerName, invoice.customerCountry), invoice.currency,
                invoice.issueDate, invoice.dueDate, terms, lines, text(invoice, invoice.netAmount),
                text(invoice, invoice.taxAmount), text(invoice, invoice.grossAmount),
                text(invoice, invoice.creditedAmount), text(invoice, invoice.settledAmount),
                text(invoice, invoice.openAmount), invoice.status, invoice.cancellationDate, references);
    }

    private static String text(Invoice invoice, java.math.BigDecimal amount) {
        return amount == null ? null : invoice.money(amount).amount().toPlainString();
    }

    private static String plain(java.math.BigDecimal number) {
        return number == null ? null : number.stripTrailingZeros().toPlainString();
    }
}
