package dev.steelyard.invoicing.invoice;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of an invoice, with its net and tax amounts rounded to the currency's minor unit. */
@Embeddable
public class InvoiceLine {

    @Column(name = "line_number")
    public int lineNumber;

    public String description;

    public BigDecimal quantity;

    public String unit;

    @Column(name = "unit_price")
    public BigDecimal unitPrice;

    @Column(name = "tax_rate")
    public BigDecimal taxRate;

    @Column(name = "net_amount")
    public BigDecimal netAmount;

    @Column(name = "tax_amount")
    public BigDecimal taxAmount;
}
