package dev.steelyard.payments.events;

import java.time.LocalDate;
import java.util.List;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.outbox.Outbox;
import dev.steelyard.payments.allocation.Allocation;
import dev.steelyard.payments.payment.Payment;
import dev.steelyard.payments.payment.PaymentReversal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Writes this service's events to the outbox, in the transaction of the change they report. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PaymentEvents {

    @Inject
    Outbox outbox;

    public void paymentReceived(Payment payment, List<Allocation> lines) {
        append(payment, PaymentsTopic.PAYMENT_RECEIVED, new PaymentReceived(payment.legalEntity, payment.id.toString(),
                payment.customerId, payment.currency, text(payment.amount()), payment.valueDate, payment.method,
                payment.gatewayTransactionId, payment.references(), data(lines), text(payment.unapplied())));
    }

    public void unappliedCashApplied(Payment payment, List<Allocation> lines) {
        append(payment, PaymentsTopic.UNAPPLIED_CASH_APPLIED, new UnappliedCashApplied(payment.legalEntity,
                payment.id.toString(), payment.customerId, payment.currency, data(lines), text(payment.unapplied())));
    }

    public void paymentReversed(Payment payment, Money amount, LocalDate reversalDate, PaymentReversal.Reason reason,
            List<Allocation> lines, Money unappliedReversed) {
        append(payment, PaymentsTopic.PAYMENT_REVERSED, new PaymentReversed(payment.legalEntity, payment.id.toString(),
                payment.customerId, payment.currency, text(amount), reversalDate, reason.name(), data(lines),
                text(unappliedReversed)));
    }

    private void append(Payment payment, String type, Object data) {
        outbox.append(PaymentsTopic.NAME, Outbox.key(payment.legalEntity, payment.customerId), type,
                payment.id.toString(), data);
    }

    private static List<AllocationData> data(List<Allocation> lines) {
        return lines.stream().map(AllocationData::of).toList();
    }

    private static String text(Money money) {
        return money.amount().toPlainString();
    }
}
