package dev.steelyard.collections.customer;

import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Who receives a customer's dunning messages, in which language, and the customer's dunning segment. */
@Entity
@Table(name = "customer_contact")
public class CustomerContact extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "customer_id")
    public String customerId;

    public String email;

    /** en or de. */
    public String language;

    public String segment;

    public String name;

    public static Optional<CustomerContact> find(String legalEntity, String customerId) {
        return find("legalEntity = ?1 and customerId = ?2", legalEntity, customerId).firstResultOptional();
    }
}
