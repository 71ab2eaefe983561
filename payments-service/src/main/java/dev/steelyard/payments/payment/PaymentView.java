package dev.steelyard.payments.payment;

import java.time.LocalDate;
import java.util.List;

import dev.steelyard.payments.allocation.Allocation;

/** A payment as the API shows it, with its cash-application ledger; amounts as decimal strings. */
public record PaymentView(String paymentId, String legalEntity, String customerId, String currency, String amount,
        String unappliedAmount, String reversedAmount, LocalDate valueDate, String method, String gatewayTransactionId,
        List<String> remittanceReferences, List<Line> allocations) {

    /** One ledger line; reversal lines are negative. */
    public record Line(String invoiceNumber, String amount, String discount, String writeOff, LocalDate valueDate,
            String kind) {
    }

    public static PaymentView of(Payment payment) {
        return new PaymentView(payment.id.toString(), payment.legalEntity, payment.customerId, payment.currency,
                payment.amount().amount().toPlainString(), payment.unapplied().amount().toPlainString(),
                payment.reversed().amount().toPlainString(), payment.valueDate, payment.method,
                payment.gatewayTransactionId, payment.references(),
                Allocation.ofPayment(payment.id).stream().map(line -> new Line(line.invoiceNumber,
                        line.cash().amount().toPlainString(), line.discount().amount().toPlainString(),
                        line.writeOff().amount().toPlainString(), line.valueDate, line.kind.name())).toList());
    }
}
