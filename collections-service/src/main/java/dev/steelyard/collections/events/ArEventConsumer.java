package dev.steelyard.collections.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.steelyard.chassis.events.IncomingEvent;
import dev.steelyard.chassis.inbox.Inbox;
import dev.steelyard.collections.receivables.ReceivablesProjection;
import dev.steelyard.collections.worklist.CustomerRisk;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Applies every invoicing, payment and credit event exactly once, through the inbox. */
@ApplicationScoped
public class ArEventConsumer {

    @Inject
    Inbox inbox;

    @Inject
    ReceivablesProjection receivables;

    @Incoming("ar-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, this::apply);
    }

    void apply(IncomingEvent event) {
        switch (event.type()) {
            case "InvoiceIssued.v1" -> receivables.issued(event.data(ArEvents.InvoiceIssued.class));
            case "CreditNoteIssued.v1" -> receivables.credited(event.id(), event.data(ArEvents.CreditNoteIssued.class));
            case "InvoiceCancelled.v1" -> receivables.cancelled(event.data(ArEvents.InvoiceCancelled.class));
            case "PaymentReceived.v1", "UnappliedCashApplied.v1" ->
                receivables.paid(event.id(), event.type(), event.data(ArEvents.PaymentApplied.class));
            case "PaymentReversed.v1" -> receivables.reversed(event.id(), event.data(ArEvents.PaymentReversed.class));
            case "CreditChanged.v1" -> CustomerRisk.apply(event.data(ArEvents.CreditChanged.class));
            default -> {
                // Other event types on these topics do not concern collections.
            }
        }
    }
}
