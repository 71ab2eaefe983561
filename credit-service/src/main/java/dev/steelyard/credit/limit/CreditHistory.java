package dev.steelyard.credit.limit;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Every change to a customer's credit: what, who, when and why. */
@Entity
@Table(name = "credit_history")
public class CreditHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "customer_id")
    public String customerId;

    public String change;

    public String detail;

    public String reason;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;

    public static void record(String legalEntity, String customerId, String change, String detail, String reason,
            String changedBy, Instant changedAt) {
        CreditHistory entry = new CreditHistory();
        entry.legalEntity = legalEntity;
        entry.customerId = customerId;
        entry.change = change;
        entry.detail = detail;
        entry.reason = reason;
        entry.changedBy = changedBy;
        entry.changedAt = changedAt;
        entry.persist();
    }

    public static java.util.List<CreditHistory> of(String legalEntity, String customerId) {
        return list("legalEntity = ?1 and customerId = ?2 order by id", legalEntity, customerId);
    }
}
