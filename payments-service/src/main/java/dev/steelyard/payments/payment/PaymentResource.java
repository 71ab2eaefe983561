package dev.steelyard.payments.payment;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.chassis.web.ConflictException;
import dev.steelyard.chassis.web.InvalidInputException;
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

/** Payments entered by hand (bank transfers, cheques) and every payment's ledger. */
@Path("/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentResource {

    static final String SOURCE = "manual";

    @Inject
    PaymentRecording recording;

    @Inject
    EntityScope scope;

    /** 201 for a new payment, 200 with the original for a replay, 409 when the replay differs. */
    @POST
    @RolesAllowed({ Roles.ERP, Roles.COLLECTOR })
    public Response post(@Valid @NotNull NewPayment request) {
        scope.requireVisible(request.legalEntity(), "Legal entity " + request.legalEntity());
        Money amount = amount(request);
        PaymentRecording.Receipt receipt = recording.record(new IncomingPayment(SOURCE, request.gatewayTransactionId(),
                request.legalEntity(), request.customerId(), amount, request.valueDate(), request.method(),
                request.remittanceReferences() == null ? List.of() : request.remittanceReferences()));
        PaymentView view = PaymentView.of(receipt.payment());
        if (!receipt.created()) {
            sameAsRecorded(receipt.payment(), request, amount);
            return Response.ok(view).build();
        }
        return Response.created(URI.create("/payments/" + view.paymentId())).entity(view).build();
    }

    @GET
    @Path("/{paymentId}")
    @RolesAllowed({ Roles.ERP, Roles.COLLECTOR, Roles.CREDIT_MANAGER, Roles.OPS, Roles.ADMIN })
    public PaymentView get(@PathParam("paymentId") UUID paymentId) {
        Payment payment = Payment.<Payment>findByIdOptional(paymentId)
                .filter(found -> scope.canSee(found.legalEntity))
                .orElseThrow(() -> new NotFoundException("Payment " + paymentId + " not found"));
        return PaymentView.of(payment);
    }

    private static Money amount(NewPayment request) {
        try {
            Money.currency(request.currency());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("currency", "iso-4217", e.getMessage());
        }
        try {
            return Money.of(request.amount(), request.currency());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("amount", "minor-units", e.getMessage());
        }
    }

    private static void sameAsRecorded(Payment recorded, NewPayment request, Money amount) {
        List<String> differences = new ArrayList<>();
        compare(differences, "customerId", recorded.customerId, request.customerId());
        compare(differences, "currency", recorded.currency, amount.currencyCode());
        compare(differences, "amount", recorded.amount().amount().toPlainString(), amount.amount().toPlainString());
        compare(differences, "valueDate", recorded.valueDate.toString(), request.valueDate().toString());
        if (!differences.isEmpty()) {
            throw new ConflictException("Payment " + recorded.gatewayTransactionId + " of " + recorded.legalEntity
                    + " was recorded before with other content: " + String.join("; ", differences),
                    differences.get(0).substring(0, differences.get(0).indexOf(' ')));
        }
    }

    private static void compare(List<String> differences, String field, String recorded, String posted) {
        if (!recorded.equals(posted)) {
            differences.add(field + " was " + recorded + ", now " + posted);
        }
    }
}
