package dev.steelyard.invoicing.customer;

import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.chassis.web.InvalidInputException;
import dev.steelyard.invoicing.terms.PaymentTerms;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A customer's default payment terms, used when an invoice names neither terms nor a due date. */
@Path("/customers/{legalEntity}/{customerId}/payment-terms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerTermsResource {

    /** The body: a code of the entity's catalogue. */
    public record DefaultTerms(@NotBlank String code) {
    }

    @Inject
    EntityScope scope;

    @PUT
    @RolesAllowed({ Roles.ERP, Roles.ADMIN })
    @Transactional
    public DefaultTerms setDefault(@PathParam("legalEntity") String legalEntity,
            @PathParam("customerId") String customerId, @Valid @NotNull DefaultTerms request) {
        scope.requireVisible(legalEntity, "Legal entity " + legalEntity);
        if (PaymentTerms.effective(legalEntity, request.code()).isEmpty()) {
            throw new InvalidInputException("code", "known-terms",
                    "'" + request.code() + "' is not in the payment terms catalogue of " + legalEntity);
        }
        Customer customer = Customer.record(legalEntity, customerId, null, null);
        customer.defaultTermsCode = request.code();
        return request;
    }
}
