package dev.steelyard.invoicing.invoice;

import java.util.UUID;

/** Invoice bodies as an ERP would post them. */
public final class InvoiceJson {

    private InvoiceJson() {
    }

    /** A legal entity of its own per test, so figures and listings of other tests never mix in. */
    public static String newEntity() {
        return "E" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String newNumber() {
        return "INV-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** One untaxed line of quantity 1, net 30 days, issued 2013-01-02. */
    public static String simple(String entity, String number, String customer, String amount) {
        return of(entity, number, customer, "USD", "2013-01-02", "\"paymentTerms\":\"NET30\",",
                line("Hot-rolled coil", "1", "t", amount, "0"), amount, "0.00", amount);
    }

    public static String of(String entity, String number, String customer, String currency, String issueDate,
            String termsAndDueDate, String lines, String net, String tax, String gross) {
        return """
                {"legalEntity":"%s","invoiceNumber":"%s",
                 "customer":{"id":"%s","name":"Ruhr Fabrication GmbH","country":"DE"},
                 "currency":"%s","issueDate":"%s",%s
                 "lines":[%s],
                 "netAmount":"%s","taxAmount":"%s","grossAmount":"%s",
                 "references":{"purchaseOrder":"PO-4471","salesOrder":"SO-88121","deliveryNote":"DN-99120"}}"""
                .formatted(entity, number, customer, currency, issueDate, termsAndDueDate, lines, net, tax, gross);
    }

    public static String line(String description, String quantity, String unit, String unitPrice, String taxRate) {
        return """
                {"description":"%s","quantity":"%s","unit":"%s","unitPrice":"%s","taxRate":"%s"}"""
                .formatted(description, quantity, unit, unitPrice, taxRate);
    }
}
