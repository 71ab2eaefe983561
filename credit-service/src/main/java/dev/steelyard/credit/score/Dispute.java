package dev.steelyard.credit.score;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A dispute collections opened; open disputes weigh on payment behaviour. */
@Entity
@Table(name = "dispute")
public class Dispute extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "dispute_id")
    public String disputeId;

    public boolean resolved;

    public static Dispute of(String legalEntity, String disputeId, String customerId) {
        Dispute dispute = find("legalEntity = ?1 and disputeId = ?2", legalEntity, disputeId).firstResult();
        if (dispute == null) {
            dispute = new Dispute();
            dispute.legalEntity = legalEntity;
            dispute.disputeId = disputeId;
            dispute.customerId = customerId;
            dispute.persist();
        }
        return dispute;
    }
}
