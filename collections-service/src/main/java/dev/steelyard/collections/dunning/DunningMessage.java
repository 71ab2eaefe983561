package dev.steelyard.collections.dunning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One dunning message to one customer at one level, and whether it was delivered. */
@Entity
@Table(name = "dunning_message")
public class DunningMessage extends PanacheEntityBase {

    public enum Delivery {
        /** Recorded, not yet handed to the channel. */
        PENDING,
        DELIVERED,
        /** The channel refused it; the next run tries again. */
        FAILED,
        /** No contact to send it to; the step still counts and its escalation still went out. */
        NO_CONTACT
    }

    @Id
    public UUID id;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "customer_id")
    public String customerId;

    public int level;

    public String channel;

    /** Comma-separated escalation actions. */
    public String actions;

    @Column(name = "as_of")
    public LocalDate asOf;

    public String language;

    public String recipient;

    public String subject;

    public String body;

    public String delivery;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
