package dev.steelyard.payments.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.web.InvalidInputException;
import dev.steelyard.payments.allocation.Allocation;
import dev.steelyard.payments.allocation.CustomerLock;
import dev.steelyard.payments.events.PaymentEvents;
import dev.steelyard.payments.invoice.OpenInvoice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Refunds and chargebacks: money goes back to the customer, taken first from the payment's
 * unapplied cash, then from its allocations, latest first, which reopens those invoices.
 * A reversal happens once per reference, and never for more than is left of the payment.
 */
@ApplicationScoped
public class PaymentReversing {

    @Inject
    CustomerLock customerLock;

    @Inject
    PaymentEvents events;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /** A refund or chargeback to carry out. {@code cumulative}: the amount is the total reversed so far (as Stripe reports refunds). */
    public record Request(String reference, Money amount, boolean cumulative, PaymentReversal.Reason reason,
            LocalDate reversalDate, boolean unappliedOnly) {
    }

    /** What a request did. */
    public enum Result {
        REVERSED, ALREADY_REVERSED, NOTHING_LEFT_TO_REVERSE
    }

    @Transactional
    public Result reverse(UUID paymentId, Request request) {
        Payment payment = Payment.findById(paymentId);
        customerLock.lock(payment.legalEntity, payment.customerId);
        // Read again under the lock: another transaction may have applied or reversed cash meanwhile.
        entityManager.refresh(payment);
        if (PaymentReversal.exists(payment.id, request.reference())) {
            return Result.ALREADY_REVERSED;
        }
        if (!request.amount().currency().equals(payment.amount().currency())) {
            throw new InvalidInputException("currency", "same-currency",
                    "is " + request.amount().currencyCode() + " but the payment is in " + payment.currency);
        }
        Money requested = request.cumulative()
                ? request.amount().minus(Money.of(PaymentReversal.total(payment.id, request.reason()), payment.currency))
                : request.amount();
        if (request.unappliedOnly() && requested.compareTo(payment.unapplied()) > 0) {
            throw new InvalidInputException("amount", "at-most-unapplied",
                    "is " + requested.amount().toPlainString() + " but only "
                            + payment.unapplied().amount().toPlainString() + " is unapplied");
        }
        Money reversible = payment.amount().minus(payment.reversed());
        Money amount = requested.compareTo(reversible) <= 0 ? requested : reversible;
        if (!amount.isPositive()) {
            // A stale or replayed notice: the money it speaks of has gone back already.
            return Result.NOTHING_LEFT_TO_REVERSE;
        }
        Money fromUnapplied = amount.compareTo(payment.unapplied()) <= 0 ? amount : payment.unapplied();
        payment.unappliedAmount = payment.unapplied().minus(fromUnapplied).amount();
        List<Allocation> lines = reverseAllocations(payment, amount.minus(fromUnapplied), request.reversalDate());
        payment.reversedAmount = payment.reversed().plus(amount).amount();

        PaymentReversal reversal = new PaymentReversal();
        reversal.paymentId = payment.id;
        reversal.reference = request.reference();
        reversal.reason = request.reason();
        reversal.amount = amount.amount();
        reversal.reversalDate = request.reversalDate();
        reversal.recordedAt = Instant.now(clock);
        reversal.persist();
        events.paymentReversed(payment, amount, request.reversalDate(), request.reason(), lines, fromUnapplied);
        return Result.REVERSED;
    }

    /** Takes back cash from the payment's invoices, latest allocation first; a touched allocation loses its discount and write-off too. */
    private List<Allocation> reverseAllocations(Payment payment, Money cashToTakeBack, LocalDate reversalDate) {
        List<Allocation> reversals = new ArrayList<>();
        Money left = cashToTakeBack;
        for (NetAllocation net : netAllocations(payment)) {
            if (!left.isPositive()) {
                break;
            }
            if (!net.cash.isPositive()) {
                continue;
            }
            Money cash = left.compareTo(net.cash) <= 0 ? left : net.cash;
            Allocation line = new Allocation();
            line.paymentId = payment.id;
            line.legalEntity = payment.legalEntity;
            line.customerId = payment.customerId;
            line.invoiceNumber = net.invoiceNumber;
            line.currency = payment.currency;
            line.amount = cash.negate().amount();
            line.discount = net.discount.negate().amount();
            line.writeOff = net.writeOff.negate().amount();
            line.valueDate = net.valueDate;
            line.kind = Allocation.Kind.REVERSAL;
            line.recordedAt = Instant.now(clock);
            line.persist();
            reversals.add(line);
            OpenInvoice.findByNumber(payment.legalEntity, net.invoiceNumber)
                    .filter(invoice -> !invoice.cancelled)
                    .ifPresent(invoice -> invoice.settle(line.settled()));
            left = left.minus(cash);
        }
        if (!left.isZero()) {
            throw new IllegalStateException("payment " + payment.id + " cannot account for " + left + " to reverse");
        }
        return reversals;
    }

    /** What a payment still has on each invoice, the latest applied first. */
    private static List<NetAllocation> netAllocations(Payment payment) {
        Map<String, NetAllocation> byInvoice = new LinkedHashMap<>();
        for (Allocation line : Allocation.ofPayment(payment.id)) {
            NetAllocation net = byInvoice.computeIfAbsent(line.invoiceNumber,
                    number -> new NetAllocation(number, Money.zero(line.cash().currency())));
            net.cash = net.cash.plus(line.cash());
            net.discount = net.discount.plus(line.discount());
            net.writeOff = net.writeOff.plus(line.writeOff());
            if (line.kind != Allocation.Kind.REVERSAL) {
                net.valueDate = line.valueDate;
                net.lastLine = line.id;
            }
        }
        List<NetAllocation> nets = new ArrayList<>(byInvoice.values());
        nets.sort(Comparator.comparingLong((NetAllocation net) -> net.lastLine).reversed());
        return nets;
    }

    private static final class NetAllocation {
        final String invoiceNumber;
        Money cash;
        Money discount;
        Money writeOff;
        LocalDate valueDate;
        long lastLine;

        NetAllocation(String invoiceNumber, Money zero) {
            this.invoiceNumber = invoiceNumber;
            this.cash = zero;
            this.discount = zero;
            this.writeOff = zero;
        }
    }
}
