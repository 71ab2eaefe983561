package dev.steelyard.payments.webhook;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A verified webhook, stored exactly as received before the provider got its 2xx; processed from this copy. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    /** Where the delivery stands. */
    public enum Status {
        /** Stored, waiting for the worker (or for a retry). */
        RECEIVED,
        /** Its effect is recorded. */
        PROCESSED,
        /** Same money as a payment recorded before (another event id, same gateway transaction). */
        DUPLICATE,
        /** A type this service does not act on. */
        IGNORED,
        /** A refund or chargeback whose payment has not arrived yet; released when it does. */
        AWAITING_PAYMENT,
        /** Failed every attempt; needs an operator. */
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** stripe, standard or adyen. */
    public String provider;

    /** The provider's event id, unique per provider. */
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    /** The raw body whose signature was verified. */
    @Column(columnDefinition = "text")
    public String body;

    /** Which item of a batched body (Adyen sends several notifications in one request). */
    @Column(name = "item_index")
    public int itemIndex;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String outcome;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "processed_at")
    public Instant processedAt;

    /** {@code source:gatewayTransactionId} of the payment an AWAITING_PAYMENT delivery waits for. */
    @Column(name = "awaited_transaction")
    public String awaitedTransaction;
}
