package dev.steelyard.collections.dunning;

import java.time.DateTimeException;
import java.time.ZoneId;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.steelyard.chassis.events.EventJson;
import dev.steelyard.collections.CollectionsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Finds the policy that applies to a customer: its segment's, else its entity's, else the default. */
@ApplicationScoped
public class DunningPolicies {

    @Inject
    CollectionsConfig config;

    public PolicyDefinition effective(String legalEntity, String segment) {
        var stored = segment == null ? java.util.Optional.<DunningPolicy>empty() : DunningPolicy.find(legalEntity, segment);
        if (stored.isEmpty()) {
            stored = DunningPolicy.find(legalEntity, "");
        }
        return stored.map(policy -> read(policy.definition)).orElseGet(() -> DefaultPolicy.of(config.defaultTimeZone().getId()));
    }

    /** The entity's time zone: "as of D" means the end of D there. */
    public ZoneId zone(PolicyDefinition policy) {
        try {
            return policy.timeZone() == null ? config.defaultTimeZone() : ZoneId.of(policy.timeZone());
        } catch (DateTimeException e) {
            return config.defaultTimeZone();
        }
    }

    static PolicyDefinition read(String json) {
        try {
            return EventJson.MAPPER.readValue(json, PolicyDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored dunning policy cannot be read", e);
        }
    }

    static String write(PolicyDefinition policy) {
        try {
            return EventJson.MAPPER.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dunning policy cannot be written", e);
        }
    }
}
