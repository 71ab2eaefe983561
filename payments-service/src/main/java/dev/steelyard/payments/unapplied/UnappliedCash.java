package dev.steelyard.payments.unapplied;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.web.InvalidInputException;
import dev.steelyard.payments.allocation.Allocation;
import dev.steelyard.payments.allocation.CashApplication;
import dev.steelyard.payments.allocation.CustomerLock;
import dev.steelyard.payments.events.PaymentEvents;
import dev.steelyard.payments.invoice.OpenInvoice;
import dev.steelyard.payments.payment.Payment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Applies a customer's unapplied cash later: automatically when an invoice arrives, or to invoices a person chose. */
@ApplicationScoped
public class UnappliedCash {

    @Inject
    CashApplication cashApplication;

    @Inject
    CustomerLock customerLock;

    @Inject
    PaymentEvents events;

    @Inject
    EntityManager entityManager;

    /** One invoice and the cash a person wants applied to it. */
    public record Choice(String invoiceNumber, Money amount) {
    }

    /** Called with the customer lock held, in the transaction that recorded the invoice. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void invoiceArrived(OpenInvoice invoice) {
        Map<Payment, List<Allocation>> applied = cashApplication.applyToArrivedInvoice(invoice);
        applied.forEach(events::unappliedCashApplied);
    }

    @Transactional
    public List<Allocation> applyChosen(UUID paymentId, List<Choice> choices) {
        Payment payment = Payment.findById(paymentId);
        customerLock.lock(payment.legalEntity, payment.customerId);
        // Read again under the lock: the worker or the invoice consumer may have applied cash meanwhile.
        entityManager.refresh(payment);
        List<Allocation> lines = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            Choice choice = choices.get(i);
            String field = "allocations[" + i + "]";
            OpenInvoice invoice = OpenInvoice.findByNumber(payment.legalEntity, choice.invoiceNumber())
                    .filter(found -> found.customerId.equals(payment.customerId))
                    .orElseThrow(() -> new InvalidInputException(field + ".invoiceNumber", "known-invoice",
                            "invoice " + choice.invoiceNumber() + " of this customer is not known"));
            if (!invoice.isOpen()) {
                throw new InvalidInputException(field + ".invoiceNumber", "open-invoice",
                        "invoice " + choice.invoiceNumber() + " is not open");
            }
            if (!invoice.currency.equals(payment.currency)) {
                throw new InvalidInputException(field + ".invoiceNumber", "same-currency",
                        "invoice " + choice.invoiceNumber() + " is in " + invoice.currency + ", the payment in "
                                + payment.currency);
            }
            if (choice.amount().compareTo(payment.unapplied()) > 0) {
                throw new InvalidInputException(field + ".amount", "at-most-unapplied",
                        "is " + choice.amount().amount().toPlainString() + " but only "
                                + payment.unapplied().amount().toPlainString() + " is unapplied");
            }
            Allocation line = cashApplication.applyChosen(payment, invoice, choice.amount());
            if (line != null) {
                lines.add(line);
            }
        }
        if (!lines.isEmpty()) {
            events.unappliedCashApplied(payment, lines);
        }
        return lines;
    }
}
