package dev.steelyard.invoicing.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.steelyard.chassis.events.IncomingEvent;
import dev.steelyard.chassis.inbox.Inbox;
import dev.steelyard.invoicing.invoice.Invoice;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Keeps each invoice's settled and open amounts current from payments-service events. */
@ApplicationScoped
public class SettlementProjection {

    @Inject
    Inbox inbox;

    @Incoming("payment-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, this::apply);
    }

    void apply(IncomingEvent event) {
        switch (event.type()) {
            case "PaymentReceived.v1", "UnappliedCashApplied.v1" -> {
                PaymentEvents.Applied applied = event.data(PaymentEvents.Applied.class);
                record(event.id(), applied.legalEntity(), applied.paymentId(), applied.allocations(), BigDecimal.ONE, null);
            }
            case "PaymentReversed.v1" -> {
                PaymentEvents.Reversed reversed = event.data(PaymentEvents.Reversed.class);
                record(event.id(), reversed.legalEntity(), reversed.paymentId(), reversed.allocations(),
                        BigDecimal.ONE.negate(), reversed.reversalDate());
            }
            default -> {
                // Other payment events do not change what an invoice owes.
            }
        }
    }

    private static void record(String eventId, String legalEntity, String paymentId,
            List<PaymentEvents.Allocation> allocations, BigDecimal sign, LocalDate reversalDate) {
        if (legalEntity == null || paymentId == null) {
            throw new IllegalArgumentException("data.legalEntity and data.paymentId are required");
        }
        for (PaymentEvents.Allocation allocation : allocations == null ? List.<PaymentEvents.Allocation>of() : allocations) {
            if (allocation.invoiceNumber() == null || allocation.amount() == null) {
                throw new IllegalArgumentException("every allocation needs invoiceNumber and amount");
            }
            Settlement settlement = new Settlement();
            settlement.eventId = eventId;
            settlement.legalEntity = legalEntity;
            settlement.invoiceNumber = allocation.invoiceNumber();
            settlement.paymentId = paymentId;
            settlement.amount = allocation.settles().multiply(sign);
            settlement.valueDate = reversalDate != null ? reversalDate : allocation.valueDate();
            if (settlement.valueDate == null) {
                throw new IllegalArgumentException("allocation of " + allocation.invoiceNumber() + " has no valueDate");
            }
            settlement.persist();
            Invoice.findByNumber(legalEntity, allocation.invoiceNumber()).ifPresent(invoice -> {
                invoice.settledAmount = Settlement.totalFor(legalEntity, invoice.invoiceNumber);
                invoice.refreshOpenAmount();
            });
        }
    }
}
