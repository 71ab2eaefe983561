package dev.steelyard.payments.invoice;

import java.time.LocalDate;
import java.util.List;

import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.chassis.web.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** What this service knows is still open on each invoice, for collectors choosing where to apply cash. */
@Path("/open-invoices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ERP, Roles.COLLECTOR, Roles.CREDIT_MANAGER, Roles.OPS, Roles.ADMIN })
public class OpenInvoiceResource {

    /** An invoice and its open amount. */
    public record OpenInvoiceView(String legalEntity, String invoiceNumber, String customerId, String currency,
            String amount, String openAmount, LocalDate issueDate, LocalDate dueDate, boolean cancelled) {

        static OpenInvoiceView of(OpenInvoice invoice) {
            return new OpenInvoiceView(invoice.legalEntity, invoice.invoiceNumber, invoice.customerId,
                    invoice.currency, invoice.amount().amount().toPlainString(),
                    invoice.open().amount().toPlainString(), invoice.issueDate, invoice.dueDate, invoice.cancelled);
        }
    }

    @Inject
    EntityScope scope;

    @GET
    public List<OpenInvoiceView> list(@QueryParam("legalEntity") String legalEntity,
            @QueryParam("customerId") String customerId) {
        if (legalEntity == null || customerId == null) {
            throw new InvalidInputException(legalEntity == null ? "legalEntity" : "customerId", "required",
                    "query parameter is missing");
        }
        scope.requireVisible(legalEntity, "Legal entity " + legalEntity);
        return OpenInvoice.<OpenInvoice>list("legalEntity = ?1 and customerId = ?2 order by dueDate, invoiceNumber",
                legalEntity, customerId).stream().map(OpenInvoiceView::of).toList();
    }

    @GET
    @Path("/{legalEntity}/{invoiceNumber}")
    public OpenInvoiceView get(@PathParam("legalEntity") String legalEntity,
            @PathParam("invoiceNumber") String invoiceNumber) {
        scope.requireVisible(legalEntity, "Invoice " + invoiceNumber);
        return OpenInvoice.findByNumber(legalEntity, invoiceNumber).map(OpenInvoiceView::of)
                .orElseThrow(() -> new NotFoundException("Invoice " + invoiceNumber + " of " + legalEntity + " not found"));
    }
}
