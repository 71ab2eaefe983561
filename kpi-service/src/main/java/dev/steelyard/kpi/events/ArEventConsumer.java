package dev.steelyard.kpi.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.steelyard.chassis.inbox.Inbox;
import dev.steelyard.kpi.receivables.ReceivablesLedger;
import dev.steelyard.kpi.stream.KpiChanges;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Feeds every AR event through the inbox into the receivables ledger, one record at a time per partition. */
@ApplicationScoped
public class ArEventConsumer {

    @Inject
    Inbox inbox;

    @Inject
    ReceivablesLedger ledger;

    @Inject
    KpiChanges changes;

    @Incoming("ar-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, ledger::apply);
        // After the commit, so a listener reading the figures sees the event; the key is entity/customer.
        String key = record.key();
        changes.changed(key == null ? null : key.split("/", 2)[0]);
    }
}
