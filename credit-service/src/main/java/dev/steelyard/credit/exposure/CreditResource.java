package dev.steelyard.credit.exposure;

import java.time.Instant;
import java.util.List;

import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.credit.limit.CreditHistory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Reads a customer's credit: limit, exposure and its parts, score, risk class, hold and why. */
@Path("/customers/{entity}/{customer}")
@Produces(MediaType.APPLICATION_JSON)
public class CreditResource {

    /** One change in the customer's credit history. */
    public record HistoryEntry(String change, String detail, String reason, String changedBy, Instant changedAt) {
    }

    @Inject
    EntityScope scope;

    @GET
    @Path("/credit")
    @RolesAllowed({ Roles.CREDIT_MANAGER, Roles.ERP, Roles.COLLECTOR, Roles.ADMIN })
    public CreditView credit(@PathParam("entity") String entity, @PathParam("customer") String customer) {
        return CreditView.of(visible(scope, entity, customer));
    }

    @GET
    @Path("/credit-history")
    @RolesAllowed({ Roles.CREDIT_MANAGER, Roles.ADMIN })
    public List<HistoryEntry> history(@PathParam("entity") String entity, @PathParam("customer") String customer) {
        visible(scope, entity, customer);
        return CreditHistory.of(entity, customer).stream()
                .map(h -> new HistoryEntry(h.change, h.detail, h.reason, h.changedBy, h.changedAt)).toList();
    }

    /** The account, or 404 when unknown or of an entity the caller may not see. */
    public static CreditAccount visible(EntityScope scope, String entity, String customer) {
        scope.requireVisible(entity, "Customer " + customer + " of " + entity);
        return CreditAccount.findByCustomer(entity, customer)
                .orElseThrow(() -> new NotFoundException("Customer " + customer + " of " + entity + " has no credit account"));
    }
}
