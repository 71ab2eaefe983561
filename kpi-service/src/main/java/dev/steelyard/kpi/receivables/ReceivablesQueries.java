package dev.steelyard.kpi.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Reads balances, credit sales and open items of a scope as of business dates from the active
 * projection generation: from the daily pre-aggregates of the scope's level (a range scan over
 * days) and the open spans (a GiST range search). "As known at T" reads the same aggregates split
 * by hour of receipt (hours before T's) plus the ledger rows received within T's hour, and the open
 * spans the invoices had at T; neither depends on the number of invoices.
 */
@ApplicationScoped
public class ReceivablesQueries {

    @Inject
    EntityManager entityManager;

    @Inject
    ProjectionGenerations generations;

    /** The currencies the scope has any movement in. */
    public List<String> currencies(Scope scope) {
        Map<String, Object> parameters = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<String> currencies = bind(entityManager.createNativeQuery(
                "SELECT DISTINCT currency FROM " + source(scope, parameters) + " ORDER BY currency"), parameters)
                .getResultList();
        return currencies;
    }

    /** AR, unapplied cash and unallocated credit at the end of {@code day}, per currency. */
    public Map<String, Balances> balances(Scope scope, LocalDate day) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("day", day);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(entityManager.createNativeQuery("""
                SELECT currency, sum(ar_change), sum(unapplied_cash_change), sum(unallocated_credit_change)
                FROM %s WHERE day <= :day GROUP BY currency""".formatted(source(scope, parameters))), parameters)
                .getResultList();
        Map<String, Balances> balances = new TreeMap<>();
        for (Object[] row : rows) {
            balances.put((String) row[0], new Balances((BigDecimal) row[1], (BigDecimal) row[2], (BigDecimal) row[3]));
        }
        return balances;
    }

    /** Credit sales of the days [from, to], per currency. */
    public Map<String, BigDecimal> creditSales(Scope scope, LocalDate from, LocalDate to) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from", from);
        parameters.put("to", to);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(entityManager.createNativeQuery("""
                SELECT currency, sum(sales_change) FROM %s WHERE day BETWEEN :from AND :to GROUP BY currency"""
                .formatted(source(scope, parameters))), parameters).getResultList();
        Map<String, BigDecimal> sales = new TreeMap<>();
        for (Object[] row : rows) {
            sales.put((String) row[0], (BigDecimal) row[1]);
        }
        return sales;
    }

    /** Credit sales per calendar month (keyed by its first day) up to {@code to}, for one currency. */
    public TreeMap<LocalDate, BigDecimal> monthlySales(Scope scope, LocalDate to) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("to", to);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(entityManager.createNativeQuery("""
                SELECT CAST(date_trunc('month', day) AS date), sum(sales_change) FROM %s
                WHERE day <= :to GROUP BY 1""".formatted(source(scope, parameters))), parameters).getResultList();
        TreeMap<LocalDate, BigDecimal> sales = new TreeMap<>();
        for (Object[] row : rows) {
            sales.put(ReceivablesLedger.toDate(row[0]), (BigDecimal) row[1]);
        }
        return sales;
    }

    /** Invoices with a non-zero open amount at the end of {@code day}. */
    public List<OpenItem> openItems(Scope scope, LocalDate day) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("g", generations.active());
        parameters.put("day", day);
        StringBuilder sql = new StringBuilder();
        if (scope.knownAt() == null) {
            // Only invoices whose open span covers the day: an index search, not a scan of all invoices.
            sql.append("""
                    WITH candidate AS (
                        SELECT legal_entity, invoice_number FROM open_item
                        WHERE generation = :g AND open_span @> CAST(:day AS date))
                    """);
        } else {
            // Open at the day as known at T: the span known now, if nothing arrived since T, or the one it had at T.
            sql.append("""
                    WITH candidate AS (
                        SELECT legal_entity, invoice_number FROM open_item
                        WHERE generation = :g AND open_span @> CAST(:day AS date) AND known_since <= :knownAt
                        UNION
                        SELECT legal_entity, invoice_number FROM open_item_history
                        WHERE known_box @> box(point(:second, :epochDay), point(:second, :epochDay))
                            AND generation = :g)
                    """);
            parameters.put("second", (double) scope.knownAt().getEpochSecond());
            parameters.put("epochDay", (double) day.toEpochDay());
        }
        sql.append("""
                SELECT e.legal_entity, max(e.customer_id), e.invoice_number, max(e.currency),
                       max(e.due_date) FILTER (WHERE e.kind = 'INVOICE'), sum(e.ar_change)
                FROM candidate o
                JOIN ar_entry e ON e.generation = :g AND e.legal_entity = o.legal_entity
                    AND e.invoice_number = o.invoice_number
                WHERE e.business_date <= :day""");
        sql.append(ledgerFilters(scope, "e.", parameters));
        sql.append(" GROUP BY e.legal_entity, e.invoice_number HAVING sum(e.ar_change) <> 0");
        sql.append(" ORDER BY e.legal_entity, e.invoice_number");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(entityManager.createNativeQuery(sql.toString()), parameters).getResultList();
        List<OpenItem> items = new ArrayList<>();
        for (Object[] row : rows) {
            items.add(new OpenItem((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                    row[4] == null ? null : ReceivablesLedger.toDate(row[4]), (BigDecimal) row[5]));
        }
        return items;
    }

    /** The first business day of any movement in the scope, where history starts. */
    public LocalDate historyStart(Scope scope) {
        Map<String, Object> parameters = new HashMap<>();
        Object first = bind(entityManager.createNativeQuery("SELECT min(day) FROM " + source(scope, parameters)),
                parameters).getSingleResult();
        return first == null ? null : ReceivablesLedger.toDate(first);
    }

    /**
     * The movements of the scope as rows (day, currency, ar_change, sales_change,
     * unapplied_cash_change, unallocated_credit_change).
     */
    private String source(Scope scope, Map<String, Object> parameters) {
        parameters.put("g", generations.active());
        String aggregates = """
                SELECT day, currency, ar_change, sales_change, unapplied_cash_change, unallocated_credit_change
                FROM %s WHERE generation = :g%s""";
        if (scope.knownAt() == null) {
            return "(" + aggregates.formatted("daily_balance", level(scope, parameters)) + ") movements";
        }
        parameters.put("knownHour", scope.knownAt().truncatedTo(ChronoUnit.HOURS));
        return "(" + aggregates.formatted("known_daily_balance",
                level(scope, parameters) + " AND received_hour < :knownHour") + """

                UNION ALL
                SELECT business_date, currency, ar_change, sales_change, unapplied_cash_change,
                       unallocated_credit_change
                FROM ar_entry WHERE generation = :g AND received_at >= :knownHour%s) movements"""
                .formatted(ledgerFilters(scope, "", parameters));
    }

    /** The rows of the scope's level in the daily pre-aggregates. */
    private static String level(Scope scope, Map<String, Object> parameters) {
        StringBuilder level = new StringBuilder();
        if (scope.customer() != null) {
            level.append(" AND legal_entity <> '*' AND customer_id = :customer");
            parameters.put("customer", scope.customer());
            if (scope.entity() != null) {
                level.append(" AND legal_entity = :entity");
                parameters.put("entity", scope.entity());
            }
        } else if (scope.entity() != null) {
            level.append(" AND legal_entity = :entity AND customer_id = '*'");
            parameters.put("entity", scope.entity());
        } else if (scope.visible() != null) {
            level.append(" AND legal_entity <> '*' AND customer_id = '*'");
        } else {
            level.append(" AND legal_entity = '*' AND customer_id = '*'");
        }
        if (scope.visible() != null) {
            level.append(" AND legal_entity IN (:visible)");
            parameters.put("visible", scope.visible().isEmpty() ? List.of("") : scope.visible());
        }
        if (scope.currency() != null) {
            level.append(" AND currency = :currency");
            parameters.put("currency", scope.currency());
        }
        return level.toString();
    }

    private static String ledgerFilters(Scope scope, String alias, Map<String, Object> parameters) {
        StringBuilder filters = new StringBuilder();
        if (scope.knownAt() != null) {
            filters.append(" AND ").append(alias).append("received_at <= :knownAt");
            parameters.put("knownAt", scope.knownAt());
        }
        if (scope.entity() != null) {
            filters.append(" AND ").append(alias).append("legal_entity = :entity");
            parameters.put("entity", scope.entity());
        }
        if (scope.customer() != null) {
            filters.append(" AND ").append(alias).append("customer_id = :customer");
            parameters.put("customer", scope.customer());
        }
        if (scope.visible() != null) {
            filters.append(" AND ").append(alias).append("legal_entity IN (:visible)");
            parameters.put("visible", scope.visible().isEmpty() ? List.of("") : scope.visible());
        }
        if (scope.currency() != null) {
            filters.append(" AND ").append(alias).append("currency = :currency");
            parameters.put("currency", scope.currency());
        }
        return filters.toString();
    }

    private static Query bind(Query query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
