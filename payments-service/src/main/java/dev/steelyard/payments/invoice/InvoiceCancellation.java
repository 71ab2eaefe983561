package dev.steelyard.payments.invoice;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A cancellation, remembered so that one arriving before its invoice still takes effect. */
@Entity
@Table(name = "invoice_cancellation")
@IdClass(InvoiceCancellation.Key.class)
public class InvoiceCancellation extends PanacheEntityBase {

    @Id
    @Column(name = "legal_entity")
    public String legalEntity;

    @Id
    @Column(name = "invoice_number")
    public String invoiceNumber;

    @Column(name = "cancellation_date")
    public LocalDate cancellationDate;

    public static boolean exists(String legalEntity, String invoiceNumber) {
        return count("legalEntity = ?1 and invoiceNumber = ?2", legalEntity, invoiceNumber) > 0;
    }

    /** Composite key: legal entity and invoice number. */
    public static class Key implements Serializable {
        public String legalEntity;
        public String invoiceNumber;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(legalEntity, key.legalEntity)
                    && Objects.equals(invoiceNumber, key.invoiceNumber);
        }

        @Override
        public int hashCode() {
            return Objects.hash(legalEntity, invoiceNumber);
        }
    }
}
