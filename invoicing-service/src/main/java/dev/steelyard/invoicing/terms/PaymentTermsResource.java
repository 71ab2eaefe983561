package dev.steelyard.invoicing.terms;

import java.math.BigDecimal;
import java.util.List;

import dev.steelyard.chassis.security.EntityScope;
import dev.steelyard.chassis.security.Roles;
import dev.steelyard.chassis.web.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Each legal entity's payment terms catalogue. */
@Path("/payment-terms/{legalEntity}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentTermsResource {

    /** Terms as the API shows and takes them. */
    public record TermsView(String code, TermsType type, Integer netDays, BigDecimal discountPercent,
            Integer discountDays, String description) {

        static TermsView of(PaymentTerms terms) {
            return new TermsView(terms.key.code(), terms.type, terms.netDays, terms.discountPercent, terms.discountDays,
                    terms.description);
        }
    }

    /** The body of a catalogue entry. */
    public record TermsRequest(@NotNull TermsType type, @NotNull @Min(0) @Max(365) Integer netDays,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal discountPercent,
            @Min(0) @Max(365) Integer discountDays, @NotBlank String description) {
    }

    @Inject
    EntityScope scope;

    @GET
    @RolesAllowed({ Roles.ERP, Roles.COLLECTOR, Roles.CREDIT_MANAGER, Roles.OPS, Roles.ADMIN })
    public List<TermsView> catalogue(@PathParam("legalEntity") String legalEntity) {
        scope.requireVisible(legalEntity, "Legal entity " + legalEntity);
        return PaymentTerms.catalogue(legalEntity).stream().map(TermsView::of).toList();
    }

    @PUT
    @Path("/{code: .+}")
    @RolesAllowed({ Roles.ERP, Roles.ADMIN })
    @Transactional
    public TermsView define(@PathParam("legalEntity") String legalEntity,
            @PathParam("code") @Pattern(regexp = "[A-Za-z0-9/_.-]{1,32}") String code,
            @Valid @NotNull TermsRequest request) {
        scope.requireVisible(legalEntity, "Legal entity " + legalEntity);
        boolean discount = request.type() == TermsType.DISCOUNT;
        if (discount && (request.discountPercent() == null || request.discountDays() == null)) {
            throw new InvalidInputException(request.discountPercent() == null ? "discountPercent" : "discountDays",
                    "required", "is required for DISCOUNT terms");
        }
        if (discount && request.discountDays() > request.netDays()) {
            throw new InvalidInputException("discountDays", "not-after-net-days",
                    "discount days " + request.discountDays() + " exceed net days " + request.netDays());
        }
        PaymentTerms terms = PaymentTerms.<PaymentTerms>findByIdOptional(new PaymentTerms.Key(legalEntity, code))
                .orElseGet(PaymentTerms::new);
        terms.key = new PaymentTerms.Key(legalEntity, code);
        terms.type = request.type();
        terms.netDays = request.type() == TermsType.DUE_ON_RECEIPT ? 0 : request.netDays();
        terms.discountPercent = discount ? request.discountPercent() : null;
        terms.discountDays = discount ? request.discountDays() : null;
        terms.description = request.description();
        terms.persist();
        return TermsView.of(terms);
    }
}
