package dev.steelyard.collections.dunning;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.chassis.web.InvalidInputException;
import dev.steelyard.chassis.web.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Dunning policies per legal entity and optional customer segment; admins set them. */
@Path("/dunning/policies/{entity}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DunningPolicyResource {

    @Inject
    DunningPolicies policies;

    @Inject
    EntityScope scope;

    @Inject
    Clock clock;

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public PolicyDefinition put(@PathParam("entity") String entity, @QueryParam("segment") String segment,
            @Valid @NotNull PolicyDefinition request) {
        scope.requireVisible(entity, "Legal entity " + entity);
        check(request);
        DunningPolicy policy = DunningPolicy.find(entity, segment).orElseGet(DunningPolicy::new);
        policy.legalEntity = entity;
        policy.segment = segment == null ? "" : segment;
        policy.definition = DunningPolicies.write(request);
        policy.updatedAt = Instant.now(clock);
        policy.persist();
        return request;
    }

    /** The policy in force: the stored one, else the default. */
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COLLECTOR })
    public PolicyDefinition get(@PathParam("entity") String entity, @QueryParam("segment") String segment) {
        scope.requireVisible(entity, "Legal entity " + entity);
        return policies.effective(entity, segment);
    }

    /** Rules across fields that annotations cannot say. */
    private static void check(PolicyDefinition policy) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (policy.timeZone() != null) {
            try {
                ZoneId.of(policy.timeZone());
            } catch (DateTimeException e) {
                violations.add(new Problem.Violation("timeZone", "time-zone", "'" + policy.timeZone()
                        + "' is not a time zone such as Europe/Berlin"));
            }
        }
        for (int i = 0; i < policy.levels().size(); i++) {
            PolicyDefinition.Level level = policy.levels().get(i);
            String at = "levels[" + i + "]";
            if (i > 0) {
                PolicyDefinition.Level before = policy.levels().get(i - 1);
                if (level.level() <= before.level() || level.daysPastDue() <= before.daysPastDue()) {
                    violations.add(new Problem.Violation(at + ".daysPastDue", "ascending",
                            "levels must rise in number and in days past due"));
                }
            }
            if (level.channel() == PolicyDefinition.Channel.EMAIL) {
                for (String language : List.of("en", "de")) {
                    if (!level.templates().containsKey(language)) {
                        violations.add(new Problem.Violation(at + ".templates." + language, "required",
                                "an email level needs a template in English and German"));
                    }
                }
            }
            if (level.channel() == PolicyDefinition.Channel.WEBHOOK && policy.webhookUrl() == null) {
                violations.add(new Problem.Violation("webhookUrl", "required",
                        "a webhook level needs the policy's webhookUrl"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
