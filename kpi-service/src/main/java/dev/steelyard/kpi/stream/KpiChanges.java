package dev.steelyard.kpi.stream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/** Announces, after each event's transaction committed, which legal entity's figures changed. */
@ApplicationScoped
public class KpiChanges {

    private final BroadcastProcessor<String> changes = BroadcastProcessor.create();

    public void changed(String legalEntity) {
        changes.onNext(legalEntity == null ? "" : legalEntity);
    }

    public Multi<String> stream() {
        return changes;
    }
}
