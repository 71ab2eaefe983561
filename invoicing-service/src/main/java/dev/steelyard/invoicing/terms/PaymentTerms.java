package dev.steelyard.invoicing.terms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** One entry of a legal entity's payment terms catalogue; entity {@code *} holds the defaults. */
@Entity
@Table(name = "payment_terms")
public class PaymentTerms extends PanacheEntityBase {

    public static final String EVERY_ENTITY = "*";

    /** Legal entity and terms code. */
    @Embeddable
    public record Key(@Column(name = "legal_entity") String legalEntity, String code) implements java.io.Serializable {
    }

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    public TermsType type;

    @Column(name = "net_days")
    public int netDays;

    @Column(name = "discount_percent")
    public BigDecimal discountPercent;

    @Column(name = "discount_days")
    public Integer discountDays;

    public String description;

    /** The entity's own terms of that code, else the default of that code. */
    public static Optional<PaymentTerms> effective(String legalEntity, String code) {
        return PaymentTerms.<PaymentTerms>findByIdOptional(new Key(legalEntity, code))
                .or(() -> findByIdOptional(new Key(EVERY_ENTITY, code)));
    }

    /** The entity's catalogue: its own entries and the defaults it does not override. */
    public static List<PaymentTerms> catalogue(String legalEntity) {
        List<PaymentTerms> own = list("key.legalEntity", legalEntity);
        List<String> ownCodes = own.stream().map(t -> t.key.code()).toList();
        List<PaymentTerms> defaults = PaymentTerms.<PaymentTerms>list("key.legalEntity", EVERY_ENTITY).stream()
                .filter(t -> !ownCodes.contains(t.key.code())).toList();
        return java.util.stream.Stream.concat(own.stream(), defaults.stream())
                .sorted(java.util.Comparator.comparing(t -> t.key.code())).toList();
    }

    public DueDates apply(java.time.LocalDate issueDate) {
        return DueDates.of(this, issueDate);
    }
}
