package dev.steelyard.collections.dispute;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A remark on a dispute by whoever works it. */
@Entity
@Table(name = "dispute_comment")
public class DisputeComment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "dispute_id")
    public UUID disputeId;

    public String author;

    public String text;

    @Column(name = "created_at")
    public Instant createdAt;

    public static List<DisputeComment> of(UUID disputeId) {
        return list("disputeId = ?1 order by createdAt, id", disputeId);
    }
}
