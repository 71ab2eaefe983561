package dev.steelyard.collections.worklist;

import java.time.Instant;
import java.util.Optional;

import dev.steelyard.collections.events.ArEvents;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer's latest risk class and hold from credit-service's CreditChanged events. */
@Entity
@Table(name = "customer_risk")
public class CustomerRisk extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "risk_class")
    public String riskClass;

    public boolean hold;

    @Column(name = "changed_at")
    public Instant changedAt;

    public static Optional<CustomerRisk> find(String legalEntity, String customerId) {
        return find("legalEntity = ?1 and customerId = ?2", legalEntity, customerId).firstResultOptional();
    }

    /** Keeps the newest change: credit events may arrive late or twice. */
    public static void apply(ArEvents.CreditChanged data) {
        if (data.legalEntity() == null || data.customerId() == null) {
            throw new IllegalArgumentException("data.legalEntity and data.customerId are required");
        }
        if (data.riskClass() != null && !data.riskClass().matches("[A-E]")) {
            throw new IllegalArgumentException("data.riskClass '" + data.riskClass() + "' is not one of A-E");
        }
        CustomerRisk risk = find(data.legalEntity(), data.customerId()).orElseGet(CustomerRisk::new);
        Instant changedAt = data.changedAt() == null ? null : data.changedAt().toInstant();
        if (risk.changedAt != null && changedAt != null && changedAt.isBefore(risk.changedAt)) {
            return;
        }
        risk.legalEntity = data.legalEntity();
        risk.customerId = data.customerId();
        risk.riskClass = data.riskClass();
        risk.hold = Boolean.TRUE.equals(data.hold());
        risk.changedAt = changedAt;
        risk.persist();
    }
}
