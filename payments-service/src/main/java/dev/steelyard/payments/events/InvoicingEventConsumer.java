package dev.steelyard.payments.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.steelyard.chassis.inbox.Inbox;
import dev.steelyard.payments.invoice.InvoiceBook;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Keeps the local copy of invoices current from {@code ar.invoicing}, through the inbox, one record at a time per partition. */
@ApplicationScoped
public class InvoicingEventConsumer {

    @Inject
    Inbox inbox;

    @Inject
    InvoiceBook book;

    @Incoming("ar-invoicing")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, book::apply);
    }
}
