package dev.steelyard.collections.receivables;

import java.time.LocalDate;
import java.util.List;

import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.chassis.web.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The open items collections knows of a customer, as the invoicing and payment events left them. */
@Path("/receivables")
@Produces(MediaType.APPLICATION_JSON)
public class ReceivableResource {

    public record ReceivableView(String legalEntity, String invoiceNumber, String customerId, String currency,
            String amount, String openAmount, LocalDate issueDate, LocalDate dueDate) {
    }

    @Inject
    EntityScope scope;

    @GET
    @RolesAllowed({ Roles.COLLECTOR, Roles.ADMIN })
    public List<ReceivableView> list(@QueryParam("entity") String entity, @QueryParam("customer") String customer) {
        if (entity == null || entity.isBlank()) {
            throw new InvalidInputException("entity", "required", "name the legal entity");
        }
        if (customer == null || customer.isBlank()) {
            throw new InvalidInputException("customer", "required", "name the customer");
        }
        scope.requireVisible(entity, "Legal entity " + entity);
        return Receivable.liveOf(entity, customer).stream()
                .map(r -> new ReceivableView(r.legalEntity, r.invoiceNumber, r.customerId, r.currency,
                        dev.steelyard.chassis.money.Money.of(r.amount, r.currency).amount().toPlainString(),
                        r.openAmount().amount().toPlainString(), r.issueDate, r.dueDate))
                .toList();
    }
}
