package dev.steelyard.credit.order;

import java.math.BigDecimal;
import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An open sales order the ERP reported, not yet invoiced: part of exposure until an invoice carries its reference. */
@Entity
@Table(name = "sales_order")
public class SalesOrder extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "legal_entity")
    public String legalEntity;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "order_ref")
    public String orderRef;

    public String currency;

    public BigDecimal amount;

    public boolean cancelled;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static java.util.Optional<SalesOrder> findByRef(String legalEntity, String orderRef) {
        return find("legalEntity = ?1 and orderRef = ?2", legalEntity, orderRef).firstResultOptional();
    }
}
