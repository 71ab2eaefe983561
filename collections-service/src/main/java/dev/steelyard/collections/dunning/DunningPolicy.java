package dev.steelyard.collections.dunning;

import java.time.Instant;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored policy of a legal entity, for one customer segment or ('') for all. */
@Entity
@Table(name = "dunning_policy")
public class DunningPolicy extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "legal_entity")
    public String legalEntity;

    public String segment;

    /** The {@link PolicyDefinition} as JSON. */
    public String definition;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<DunningPolicy> find(String legalEntity, String segment) {
        return find("legalEntity = ?1 and segment = ?2", legalEntity, segment == null ? "" : segment)
                .firstResultOptional();
    }
}
