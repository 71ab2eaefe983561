package dev.steelyard.invoicing.customer;

import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A customer of a legal entity as invoices name it, with its default payment terms. */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

    /** Legal entity and customer id. */
    @Embeddable
    public record Key(@Column(name = "legal_entity") String legalEntity, @Column(name = "customer_id") String customerId)
            implements java.io.Serializable {
    }

    @EmbeddedId
    public Key key;

    public String name;

    public String country;

    @Column(name = "default_terms_code")
    public String defaultTermsCode;

    public static Optional<Customer> find(String legalEntity, String customerId) {
        return findByIdOptional(new Key(legalEntity, customerId));
    }

    /**
     * The customer, created on first sight; a name or country the invoice carries updates it.
     * Concurrent first invoices of one customer meet in the insert, which lets one of them win.
     */
    public static Customer record(String legalEntity, String customerId, String name, String country) {
        getEntityManager().createNativeQuery(
                "INSERT INTO customer (legal_entity, customer_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, legalEntity).setParameter(2, customerId).executeUpdate();
        Customer customer = find(legalEntity, customerId).orElseThrow();
        if (name != null) {
            customer.name = name;
        }
        if (country != null) {
            customer.country = country;
        }
        customer.persist();
        return customer;
    }
}
