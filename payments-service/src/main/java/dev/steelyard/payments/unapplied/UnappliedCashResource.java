package dev.steelyard.payments.unapplied;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.steelyard.chassis.money.Money;
import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.chassis.web.InvalidInputException;
import dev.steelyard.payments.payment.Payment;
import dev.steelyard.payments.payment.PaymentReversal;
import dev.steelyard.payments.payment.PaymentReversing;
import dev.steelyard.payments.payment.PaymentView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Unapplied cash: list it, apply it to invoices a person chose, or refund it. Changes run in one
 * transaction with the answer, so the view shows what was committed.
 */
@Path("/unapplied-cash")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnappliedCashResource {

    /** One payment with cash not yet applied. */
    public record UnappliedView(String paymentId, String legalEntity, String customerId, String currency,
            String unappliedAmount, LocalDate valueDate, List<String> remittanceReferences) {
    }

    /** Body of an application: the invoices and the cash for each. */
    public record Application(@NotEmpty List<@Valid @NotNull Choice> allocations) {
    }

    /** One chosen invoice. */
    public record Choice(@NotBlank String invoiceNumber, @NotNull @Positive BigDecimal amount) {
    }

    /** Body of a refund of unapplied cash; the reference makes a retry harmless. */
    public record Refund(@NotNull @Positive BigDecimal amount, @NotNull LocalDate refundDate,
            @NotBlank @Size(max = 128) String reference) {
    }

    @Inject
    UnappliedCash unappliedCash;

    @Inject
    PaymentReversing reversing;

    @Inject
    EntityScope scope;

    @GET
    @RolesAllowed({ Roles.ERP, Roles.COLLECTOR, Roles.CREDIT_MANAGER, Roles.OPS, Roles.ADMIN })
    public List<UnappliedView> list(@QueryParam("legalEntity") String legalEntity,
            @QueryParam("customerId") String customerId) {
        if (legalEntity == null || legalEntity.isBlank()) {
            throw new InvalidInputException("legalEntity", "required", "query parameter is missing");
        }
        scope.requireVisible(legalEntity, "Legal entity " + legalEntity);
        List<Payment> payments = customerId == null
                ? Payment.list("legalEntity = ?1 and unappliedAmount > 0 order by customerId, valueDate", legalEntity)
                : Payment.list("legalEntity = ?1 and customerId = ?2 and unappliedAmount > 0 order by valueDate",
                        legalEntity, customerId);
        return payments.stream().map(payment -> new UnappliedView(payment.id.toString(), payment.legalEntity,
                payment.customerId, payment.currency, payment.unapplied().amount().toPlainString(), payment.valueDate,
                payment.references())).toList();
    }

    @POST
    @Path("/{paymentId}/applications")
    @RolesAllowed({ Roles.ERP, Roles.COLLECTOR })
    @Transactional
    public PaymentView apply(@PathParam("paymentId") UUID paymentId, @Valid @NotNull Application application) {
        Payment payment = visible(paymentId);
        List<UnappliedCash.Choice> choices = new ArrayList<>();
        for (int i = 0; i < application.allocations().size(); i++) {
            Choice choice = application.allocations().get(i);
            choices.add(new UnappliedCash.Choice(choice.invoiceNumber(),
                    money(choice.amount(), payment.currency, "allocations[" + i + "].amount")));
        }
        unappliedCash.applyChosen(paymentId, choices);
        return PaymentView.of(Payment.findById(paymentId));
    }

    @POST
    @Path("/{paymentId}/refunds")
    @RolesAllowed({ Roles.ERP, Roles.COLLECTOR })
    @Transactional
    public PaymentView refund(@PathParam("paymentId") UUID paymentId, @Valid @NotNull Refund refund) {
        Payment payment = visible(paymentId);
        reversing.reverse(paymentId, new PaymentReversing.Request(refund.reference(),
                money(refund.amount(), payment.currency, "amount"), false, PaymentReversal.Reason.REFUND,
                refund.refundDate(), true));
        return PaymentView.of(Payment.findById(paymentId));
    }

    private Payment visible(UUID paymentId) {
        return Payment.<Payment>findByIdOptional(paymentId)
                .filter(found -> scope.canSee(found.legalEntity))
                .orElseThrow(() -> new NotFoundException("Payment " + paymentId + " not found"));
    }

    private static Money money(BigDecimal amount, String currency, String field) {
        try {
            return Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "minor-units", e.getMessage());
        }
    }
}
