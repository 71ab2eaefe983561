package dev.steelyard.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;

/**
 * The baseline: what an ERP's AR report runs over its own invoice and payment tables for the same
 * figures, one SQL aggregate per question (open amount per invoice at a day from its payments by value
 * date, summed with filters for beginning AR, credit sales, ending AR, current AR and the aging buckets).
 */
public final class ErpReport {

    /** Beginning AR, credit sales and ending AR of [from, to]; the rest is read but not compared. */
    public record Figures(BigDecimal beginningAR, BigDecimal creditSales, BigDecimal endingAR) {
    }

    private static final String PERIOD = """
            SELECT sum(i.amount - coalesce(p.paid_before, 0)) FILTER (WHERE i.issue_date < ?) AS beginning_ar,
                   coalesce(sum(i.amount) FILTER (WHERE i.issue_date >= ?), 0) AS credit_sales,
                   sum(i.amount - coalesce(p.paid_by_end, 0)) AS ending_ar,
                   sum(i.amount - coalesce(p.paid_by_end, 0)) FILTER (WHERE i.due_date >= ?) AS ending_current_ar,
                   sum(i.amount - coalesce(p.paid_by_end, 0)) FILTER (WHERE ? - i.due_date BETWEEN 1 AND 30) AS d1_30,
                   sum(i.amount - coalesce(p.paid_by_end, 0)) FILTER (WHERE ? - i.due_date BETWEEN 31 AND 60) AS d31_60,
                   sum(i.amount - coalesce(p.paid_by_end, 0)) FILTER (WHERE ? - i.due_date BETWEEN 61 AND 90) AS d61_90,
                   sum(i.amount - coalesce(p.paid_by_end, 0)) FILTER (WHERE ? - i.due_date > 90) AS d91
            FROM erp_invoice i
            LEFT JOIN (SELECT invoice_number,
                              sum(amount) FILTER (WHERE value_date < ?) AS paid_before,
                              sum(amount) FILTER (WHERE value_date <= ?) AS paid_by_end
                       FROM erp_payment WHERE legal_entity = ? GROUP BY invoice_number) p USING (invoice_number)
            WHERE i.legal_entity = ? AND i.issue_date <= ?""";

    private static final String AGING = """
            SELECT sum(open) FILTER (WHERE ? - due_date <= 0) AS current,
                   sum(open) FILTER (WHERE ? - due_date BETWEEN 1 AND 30) AS d1_30,
                   sum(open) FILTER (WHERE ? - due_date BETWEEN 31 AND 60) AS d31_60,
                   sum(open) FILTER (WHERE ? - due_date BETWEEN 61 AND 90) AS d61_90,
                   sum(open) FILTER (WHERE ? - due_date > 90) AS d91
            FROM (SELECT i.due_date, i.amount - coalesce(sum(p.amount), 0) AS open
                  FROM erp_invoice i
                  LEFT JOIN erp_payment p ON p.legal_entity = i.legal_entity AND p.invoice_number = i.invoice_number
                                          AND p.value_date <= ?
                  WHERE i.legal_entity = ? AND i.issue_date <= ?
                  GROUP BY i.invoice_number, i.due_date, i.amount) open_items
            WHERE open > 0""";

    private final Connection connection;

    public ErpReport(Connection connection) {
        this.connection = connection;
    }

    public Figures period(String legalEntity, LocalDate from, LocalDate to) throws Exception {
        try (PreparedStatement query = connection.prepareStatement(PERIOD)) {
            Date start = Date.valueOf(from);
            Date end = Date.valueOf(to);
            query.setDate(1, start);
            query.setDate(2, start);
            for (int p = 3; p <= 7; p++) {
                query.setDate(p, end);
            }
            query.setDate(8, start);
            query.setDate(9, end);
            query.setString(10, legalEntity);
            query.setString(11, legalEntity);
            query.setDate(12, end);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new Figures(zero(row.getBigDecimal(1)), zero(row.getBigDecimal(2)), zero(row.getBigDecimal(3)));
            }
        }
    }

    public BigDecimal agingTotal(String legalEntity, LocalDate asOf) throws Exception {
        try (PreparedStatement query = connection.prepareStatement(AGING)) {
            Date day = Date.valueOf(asOf);
            for (int p = 1; p <= 6; p++) {
                query.setDate(p, day);
            }
            query.setString(7, legalEntity);
            query.setDate(8, day);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                BigDecimal total = BigDecimal.ZERO;
                for (int c = 1; c <= 5; c++) {
                    total = total.add(zero(row.getBigDecimal(c)));
                }
                return total;
            }
        }
    }

    private static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
