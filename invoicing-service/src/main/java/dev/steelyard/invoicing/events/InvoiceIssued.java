package dev.steelyard.invoicing.events;

import java.time.LocalDate;

import dev.steelyard.invoicing.invoice.Invoice;

/**
 * Data of {@code InvoiceIssued.v1}: everything a consumer needs about a new invoice, so none
 * ever calls back. {@code amount} is the gross amount the customer owes.
 */
public record InvoiceIssued(String legalEntity, String invoiceNumber, String customerId, String customerName,
        String customerCountry, String currency, String netAmount, String taxAmount, String amount,
        LocalDate issueDate, LocalDate dueDate, Terms terms, String orderReference, String purchaseOrder,
        String deliveryNote) {

    /** The payment terms and the early-payment discount they offer. */
    public record Terms(String code, String type, Integer netDays, String discountPercent, Integer discountDays,
            LocalDate discountDate, String discountedAmount) {
    }

    public static InvoiceIssued of(Invoice invoice) {
        Terms terms = invoice.termsCode == null ? null
                : new Terms(invoice.termsCode, invoice.termsType, invoice.netDays,
                        invoice.discountPercent == null ? null : invoice.discountPercent.stripTrailingZeros().toPlainString(),
                        invoice.discountDays, invoice.discountDate,
                        invoice.discountedAmount == null ? null
                                : invoice.money(invoice.discountedAmount).amount().toPlainString());
        return new InvoiceIssued(invoice.legalEntity, invoice.invoiceNumber, invoice.customerId, invoice.customerName,
                invoice.customerCountry, invoice.currency, invoice.money(invoice.netAmount).amount().toPlainString(),
                invoice.money(invoice.taxAmount).amount().toPlainString(), invoice.gross().amount().toPlainString(),
                invoice.issueDate, invoice.dueDate, terms, invoice.salesOrder, invoice.purchaseOrder,
                invoice.deliveryNote);
    }
}
