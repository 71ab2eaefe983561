package dev.steelyard.invoicing.invoice;

import java.net.URI;

import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The ERP's door for invoices. */
@Path("/invoices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    @Inject
    InvoiceIssuing issuing;

    @Inject
    EntityScope scope;

    /** 201 for a new invoice, 200 with the original for a replay, 409 for a conflicting replay. */
    @POST
    @RolesAllowed(Roles.ERP)
    public Response post(@Valid @NotNull NewInvoice request) {
        scope.requireVisible(request.legalEntity(), "Legal entity " + request.legalEntity());
        InvoiceIssuing.Outcome outcome = issuing.issue(request);
        InvoiceView view = InvoiceView.of(outcome.invoice());
        if (!outcome.created()) {
            return Response.ok(view).build();
        }
        return Response.created(URI.create("/invoices/" + view.legalEntity() + "/" + view.invoiceNumber()))
                .entity(view).build();
    }

    @GET
    @Path("/{legalEntity}/{invoiceNumber}")
    @RolesAllowed({ Roles.ERP, Roles.COLLECTOR, Roles.CREDIT_MANAGER, Roles.OPS, Roles.ADMIN })
    public InvoiceView get(@PathParam("legalEntity") String legalEntity,
            @PathParam("invoiceNumber") String invoiceNumber) {
        scope.requireVisible(legalEntity, "Invoice " + invoiceNumber);
        return Invoice.findByNumber(legalEntity, invoiceNumber).map(InvoiceView::of)
                .orElseThrow(() -> new NotFoundException("Invoice " + invoiceNumber + " of " + legalEntity + " not found"));
    }
}
