package dev.steelyard.invoicing.invoice;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.chassis.web.InvalidInputException;
import dev.steelyard.chassis.web.QueryParameters;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The ERP's door for invoices, and everyone's view of them. */
@Path("/invoices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    static final int MAX_BATCH = 1000;

    @Inject
    InvoiceIssuing issuing;

    @Inject
    InvoiceCancellation cancellation;

    @Inject
    InvoiceBatch batch;

    @Inject
    EntityScope scope;

    /** The body of a cancellation. */
    public record Cancellation(@NotNull LocalDate cancellationDate, @NotBlank @Size(max = 500) String reason) {
    }

    /** The body of a batch: up to 1,000 invoices, each judged on its own. */
    public record Batch(@NotNull @Size(max = MAX_BATCH) List<JsonNode> invoices) {
    }

    /** One page of invoices and the cursor of the next, absent on the last page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InvoicePage(List<InvoiceView> items, String nextCursor) {
    }

    /** 201 for a new invoice, 200 with the original for a replay, 409 for a conflicting replay. */
    @POST
    @RolesAllowed(Roles.ERP)
    public Response post(@Valid @NotNull NewInvoice request,
            @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey) {
        scope.requireVisible(request.legalEntity(), "Legal entity " + request.legalEntity());
        InvoiceIssuing.Outcome outcome = issuing.issue(request, idempotencyKey);
        InvoiceView view = InvoiceView.of(outcome.invoice());
        if (!outcome.created()) {
            return Response.ok(view).build();
        }
        return Response.created(URI.create("/invoices/" + view.legalEntity() + "/" + view.invoiceNumber()))
                .entity(view).build();
    }

    /** Up to 1,000 invoices; each is created, replayed or rejected on its own. */
    @POST
    @Path("/batch")
    @RolesAllowed(Roles.ERP)
    public InvoiceBatch.Result postBatch(@Valid @NotNull Batch request) {
        return batch.issueAll(request.invoices());
    }

    @GET
    @Path("/{legalEntity}/{invoiceNumber}")
    @RolesAllowed({ Roles.ERP, Roles.COLLECTOR, Roles.CREDIT_MANAGER, Roles.OPS, Roles.ADMIN })
    public InvoiceView get(@PathParam("legalEntity") String legalEntity,
            @PathParam("invoiceNumber") String invoiceNumber) {
        return InvoiceView.of(visibleInvoice(legalEntity, invoiceNumber));
    }

    /** Cancels an invoice without payments or credit notes; it leaves AR as of the cancellation date. */
    @POST
    @Path("/{legalEntity}/{invoiceNumber}/cancellation")
    @RolesAllowed(Roles.ERP)
    public InvoiceView cancel(@PathParam("legalEntity") String legalEntity,
            @PathParam("invoiceNumber") String invoiceNumber, @Valid @NotNull Cancellation request) {
        Invoice invoice = visibleInvoice(legalEntity, invoiceNumber);
        return InvoiceView.of(cancellation.cancel(invoice, request.cancellationDate(), request.reason()));
    }

    /** Invoices by customer, status, issue and due date ranges, oldest first, a page at a time. */
    @GET
    @RolesAllowed({ Roles.ERP, Roles.COLLECTOR, Roles.CREDIT_MANAGER, Roles.OPS, Roles.ADMIN })
    public InvoicePage list(@QueryParam("legalEntity") String legalEntity, @QueryParam("customer") String customer,
            @QueryParam("status") String status, @QueryParam("issuedFrom") String issuedFrom,
            @QueryParam("issuedTo") String issuedTo, @QueryParam("dueFrom") String dueFrom,
            @QueryParam("dueTo") String dueTo, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        if (legalEntity != null) {
            scope.requireVisible(legalEntity, "Legal entity " + legalEntity);
        }
        StringBuilder query = new StringBuilder("id > :after");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("after", decodeCursor(cursor));
        Set<String> visible = scope.restriction().orElse(null);
        if (visible != null) {
            query.append(" and legalEntity in :visible");
            parameters.put("visible", visible);
        }
        filter(query, parameters, "legalEntity", "=", legalEntity);
        filter(query, parameters, "customerId", "=", customer);
        filter(query, parameters, "status", "=", QueryParameters.oneOf("status", status, InvoiceStatus.class));
        filter(query, parameters, "issueDate", ">=", QueryParameters.date("issuedFrom", issuedFrom));
        filter(query, parameters, "issueDate", "<=", QueryParameters.date("issuedTo", issuedTo));
        filter(query, parameters, "dueDate", ">=", QueryParameters.date("dueFrom", dueFrom));
        filter(query, parameters, "dueDate", "<=", QueryParameters.date("dueTo", dueTo));
        List<Invoice> found = Invoice.<Invoice>find(query.toString(), Sort.by("id"), parameters)
                .page(Page.ofSize(limit + 1)).list();
        List<InvoiceView> items = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, found.size()); i++) {
            items.add(InvoiceView.of(found.get(i)));
        }
        String next = found.size() > limit ? encodeCursor(found.get(limit - 1).id) : null;
        return new InvoicePage(items, next);
    }

    private Invoice visibleInvoice(String legalEntity, String invoiceNumber) {
        scope.requireVisible(legalEntity, "Invoice " + invoiceNumber);
        return Invoice.findByNumber(legalEntity, invoiceNumber)
                .orElseThrow(() -> new NotFoundException("Invoice " + invoiceNumber + " of " + legalEntity + " not found"));
    }

    private static void filter(StringBuilder query, Map<String, Object> parameters, String field, String operator,
            Object value) {
        if (value != null) {
            String name = field + parameters.size();
            query.append(" and ").append(field).append(' ').append(operator).append(" :").append(name);
            parameters.put(name, value);
        }
    }

    private static String encodeCursor(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith("id:")) {
                return Long.parseLong(decoded.substring(3));
            }
        } catch (IllegalArgumentException e) {
            // fall through to the refusal below
        }
        throw new InvalidInputException("cursor", "format", "is not a cursor this API returned");
    }
}
