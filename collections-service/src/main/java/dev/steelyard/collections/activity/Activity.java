package dev.steelyard.collections.activity;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of a customer's collection history: a call, an email, a note, or a dunning step. */
@Entity
@Table(name = "activity")
public class Activity extends PanacheEntityBase {

    public enum Kind {
        CALL, EMAIL, NOTE, DUNNING, DISPUTE, PROMISE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "customer_id")
    public String customerId;

    public String kind;

    public String note;

    public String author;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public static Activity log(String legalEntity, String customerId, Kind kind, String note, String author,
            Instant occurredAt) {
        Activity activity = new Activity();
        activity.legalEntity = legalEntity;
        activity.customerId = customerId;
        activity.kind = kind.name();
        activity.note = note;
        activity.author = author;
        activity.occurredAt = occurredAt;
        activity.persist();
        return activity;
    }

    public static List<Activity> of(String legalEntity, String customerId) {
        return list("legalEntity = ?1 and customerId = ?2 order by occurredAt, id", legalEntity, customerId);
    }
}
