package dev.steelyard.kpi.receivables;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import dev.steelyard.kpi.receivables.ReceivablesLedger.ReceivedEvent;

/**
 * Writes a batch of events into one projection generation with a fixed number of set-based
 * statements, however many events it holds: the events new to the generation, their ledger rows,
 * the daily changes pre-summed per scope level and day (and hour of receipt), then the open spans of
 * the invoices they touched. Keys are written in sorted order, so concurrent batches (the live
 * consumer and a rebuild) take their row locks in one order.
 */
final class LedgerBatch {

    private final Connection connection;
    private final int generation;

    LedgerBatch(Connection connection, int generation) {
        this.connection = connection;
        this.generation = generation;
    }

    /** A day of one scope level, optionally one hour of receipt. */
    private record DayKey(String entity, String customer, String currency, LocalDate day, Instant receivedHour) {

        static final Comparator<DayKey> ORDER = Comparator.comparing(DayKey::entity).thenComparing(DayKey::customer)
                .thenComparing(DayKey::currency).thenComparing(DayKey::day)
                .thenComparing(DayKey::receivedHour, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    /** The net changes of a day. */
    private record Changes(BigDecimal ar, BigDecimal sales, BigDecimal unappliedCash, BigDecimal unallocatedCredit) {

        static Changes of(Movement movement) {
            return new Changes(movement.arChange(), movement.salesChange(), movement.unappliedCashChange(),
                    movement.unallocatedCreditChange());
        }

        Changes plus(Changes other) {
            return new Changes(ar.add(other.ar), sales.add(other.sales), unappliedCash.add(other.unappliedCash),
                    unallocatedCredit.add(other.unallocatedCredit));
        }
    }

    private record InvoiceKey(String entity, String invoice) implements Comparable<InvoiceKey> {

        private static final Comparator<InvoiceKey> ORDER = Comparator.comparing(InvoiceKey::entity)
                .thenComparing(InvoiceKey::invoice);

        @Override
        public int compareTo(InvoiceKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** Applies the events the generation has not had yet; returns how many those were. */
    int write(List<ReceivedEvent> events) throws SQLException {
        List<ReceivedEvent> fresh = firstInGeneration(events);
        if (fresh.isEmpty()) {
            return 0;
        }
        insertEntries(fresh);
        addToDays("daily_balance", fresh, false);
        addToDays("known_daily_balance", fresh, true);
        refreshOpenItems(fresh);
        return fresh.size();
    }

    /** Records the events in projected_event; the ones already there (or repeated in the batch) are skipped. */
    private List<ReceivedEvent> firstInGeneration(List<ReceivedEvent> events) throws SQLException {
        Map<String, ReceivedEvent> byId = new TreeMap<>();
        events.forEach(event -> byId.putIfAbsent(event.eventId(), event));
        Set<String> first = new TreeSet<>();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO projected_event (generation, event_id, received_at)
                SELECT ?, id, received::timestamptz FROM unnest(?::text[], ?::text[]) AS event (id, received)
                ON CONFLICT DO NOTHING RETURNING event_id""")) {
            insert.setInt(1, generation);
            insert.setArray(2, texts(byId.values(), ReceivedEvent::eventId));
            insert.setArray(3, texts(byId.values(), event -> event.receivedAt().toString()));
            try (ResultSet inserted = insert.executeQuery()) {
                while (inserted.next()) {
                    first.add(inserted.getString(1));
                }
            }
        }
        return byId.values().stream().filter(event -> first.contains(event.eventId())).toList();
    }

    private void insertEntries(List<ReceivedEvent> events) throws SQLException {
        List<List<String>> columns = columns(15);
        for (ReceivedEvent event : events) {
            for (int line = 0; line < event.movements().size(); line++) {
                Movement movement = event.movements().get(line);
                add(columns, event.eventId(), Integer.toString(line), movement.legalEntity(), movement.customerId(),
                        movement.invoiceNumber(), movement.document(), movement.currency(), movement.kind().name(),
                        movement.arChange().toPlainString(), movement.salesChange().toPlainString(),
                        movement.unappliedCashChange().toPlainString(),
                        movement.unallocatedCreditChange().toPlainString(), movement.businessDate().toString(),
                        movement.dueDate() == null ? null : movement.dueDate().toString(),
                        event.receivedAt().toString());
            }
        }
        execute("""
                INSERT INTO ar_entry (generation, event_id, line, legal_entity, customer_id, invoice_number, document,
                    currency, kind, ar_change, sales_change, unapplied_cash_change, unallocated_credit_change,
                    business_date, due_date, received_at)
                SELECT ?, event_id, line::int, legal_entity, customer_id, invoice_number, document, currency, kind,
                    ar::numeric, sales::numeric, unapplied::numeric, credit::numeric, day::date, due::date,
                    received::timestamptz
                FROM unnest(%s) AS entry (event_id, line, legal_entity, customer_id, invoice_number, document, currency,
                    kind, ar, sales, unapplied, credit, day, due, received)""", columns);
    }

    /** Pre-sums the events' changes per scope level and day (and hour of receipt), then adds them in one upsert. */
    private void addToDays(String table, List<ReceivedEvent> events, boolean byHourOfReceipt) throws SQLException {
        Map<DayKey, Changes> days = new TreeMap<>(DayKey.ORDER);
        for (ReceivedEvent event : events) {
            Instant hour = byHourOfReceipt ? event.receivedAt().truncatedTo(ChronoUnit.HOURS) : null;
            for (Movement movement : event.movements()) {
                for (String[] level : ReceivablesLedger.levels(movement)) {
                    days.merge(new DayKey(level[0], level[1], movement.currency(), movement.businessDate(), hour),
                            Changes.of(movement), Changes::plus);
                }
            }
        }
        List<List<String>> columns = columns(byHourOfReceipt ? 9 : 8);
        days.forEach((key, changes) -> {
            List<String> values = new ArrayList<>(List.of(key.entity(), key.customer(), key.currency(),
                    key.day().toString(), changes.ar().toPlainString(), changes.sales().toPlainString(),
                    changes.unappliedCash().toPlainString(), changes.unallocatedCredit().toPlainString()));
            if (byHourOfReceipt) {
                values.add(key.receivedHour().toString());
            }
            add(columns, values.toArray(String[]::new));
        });
        String hour = byHourOfReceipt ? ", received_hour" : "";
        execute("""
                INSERT INTO %1$s (generation, legal_entity, customer_id, currency, day, ar_change, sales_change,
                    unapplied_cash_change, unallocated_credit_change%2$s)
                SELECT ?, entity, customer, currency, day::date, ar::numeric, sales::numeric, unapplied::numeric,
                    credit::numeric%3$s
                FROM unnest(%%s) AS change (entity, customer, currency, day, ar, sales, unapplied, credit%2$s)
                ON CONFLICT (generation, legal_entity, customer_id, currency, day%2$s) DO UPDATE SET
                    ar_change = %1$s.ar_change + EXCLUDED.ar_change,
                    sales_change = %1$s.sales_change + EXCLUDED.sales_change,
                    unapplied_cash_change = %1$s.unapplied_cash_change + EXCLUDED.unapplied_cash_change,
                    unallocated_credit_change = %1$s.unallocated_credit_change + EXCLUDED.unallocated_credit_change"""
                .formatted(table, hour, byHourOfReceipt ? ", received_hour::timestamptz" : ""), columns);
    }

    /**
     * Recomputes the touched invoices' open spans, now and as known at every earlier time, from all
     * their entries (see {@link OpenSpans}). Movements of one invoice are few, so this stays cheap
     * however long the history grows.
     */
    private void refreshOpenItems(List<ReceivedEvent> events) throws SQLException {
        Set<InvoiceKey> touched = new TreeSet<>();
        for (ReceivedEvent event : events) {
            for (Movement movement : event.movements()) {
                if (movement.invoiceNumber() != null) {
                    touched.add(new InvoiceKey(movement.legalEntity(), movement.invoiceNumber()));
                }
            }
        }
        if (touched.isEmpty()) {
            return;
        }
        Map<InvoiceKey, List<OpenSpans.Entry>> entries = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT e.legal_entity, e.invoice_number, e.received_at, e.business_date, e.ar_change
                FROM unnest(?::text[], ?::text[]) AS touched (legal_entity, invoice_number)
                JOIN ar_entry e ON e.generation = ? AND e.legal_entity = touched.legal_entity
                    AND e.invoice_number = touched.invoice_number""")) {
            select.setArray(1, texts(touched, InvoiceKey::entity));
            select.setArray(2, texts(touched, InvoiceKey::invoice));
            select.setInt(3, generation);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.computeIfAbsent(new InvoiceKey(rows.getString(1), rows.getString(2)), k -> new ArrayList<>())
                            .add(new OpenSpans.Entry(rows.getObject(3, OffsetDateTime.class).toInstant(),
                                    rows.getObject(4, LocalDate.class), rows.getBigDecimal(5)));
                }
            }
        }
        List<List<String>> current = columns(5);
        List<List<String>> earlier = columns(10);
        for (InvoiceKey invoice : touched) {
            List<OpenSpans.Version> versions = OpenSpans.versions(entries.get(invoice));
            OpenSpans.Version now = versions.get(versions.size() - 1);
            add(current, invoice.entity(), invoice.invoice(), now.first().toString(), text(now.closed()),
                    now.knownFrom().toString());
            for (OpenSpans.Version version : versions.subList(0, versions.size() - 1)) {
                if (!version.isEmpty()) {
                    double[] box = version.knownBox();
                    add(earlier, invoice.entity(), invoice.invoice(), version.knownFrom().toString(),
                            version.knownUntil().toString(), version.first().toString(), text(version.closed()),
                            Double.toString(box[0]), Double.toString(box[1]), Double.toString(box[2]),
                            Double.toString(box[3]));
                }
            }
        }
        execute("""
                INSERT INTO open_item (generation, legal_entity, invoice_number, open_span, known_since)
                SELECT ?, entity, invoice, daterange(first::date, closed::date, '[)'), since::timestamptz
                FROM unnest(%s) AS item (entity, invoice, first, closed, since)
                ON CONFLICT (generation, legal_entity, invoice_number) DO UPDATE SET open_span = EXCLUDED.open_span,
                    known_since = EXCLUDED.known_since""", current);
        try (PreparedStatement delete = connection.prepareStatement("""
                DELETE FROM open_item_history h USING unnest(?::text[], ?::text[]) AS touched (legal_entity, invoice_number)
                WHERE h.generation = ? AND h.legal_entity = touched.legal_entity
                    AND h.invoice_number = touched.invoice_number""")) {
            delete.setArray(1, texts(touched, InvoiceKey::entity));
            delete.setArray(2, texts(touched, InvoiceKey::invoice));
            delete.setInt(3, generation);
            delete.executeUpdate();
        }
        if (!earlier.get(0).isEmpty()) {
            execute("""
                    INSERT INTO open_item_history (generation, legal_entity, invoice_number, known_from, known_until,
                        open_span, known_box)
                    SELECT ?, entity, invoice, known_from::timestamptz, known_until::timestamptz,
                        daterange(first::date, closed::date, '[)'),
                        box(point(x1::float8, y1::float8), point(x2::float8, y2::float8))
                    FROM unnest(%s) AS version (entity, invoice, known_from, known_until, first, closed, x1, y1, x2, y2)""",
                    earlier);
        }
    }

    /** Runs an INSERT ... SELECT FROM unnest(...): the generation first, then one text array per column. */
    private void execute(String sql, List<List<String>> columns) throws SQLException {
        String arrays = String.join(", ", Collections.nCopies(columns.size(), "?::text[]"));
        try (PreparedStatement statement = connection.prepareStatement(sql.formatted(arrays))) {
            statement.setInt(1, generation);
            for (int i = 0; i < columns.size(); i++) {
                statement.setArray(i + 2, connection.createArrayOf("text", columns.get(i).toArray(String[]::new)));
            }
            statement.executeUpdate();
        }
    }

    private <T> Array texts(Collection<T> items, Function<T, String> value) throws SQLException {
        return connection.createArrayOf("text", items.stream().map(value).toArray(String[]::new));
    }

    private static List<List<String>> columns(int count) {
        List<List<String>> columns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            columns.add(new ArrayList<>());
        }
        return columns;
    }

    private static void add(List<List<String>> columns, String... values) {
        for (int i = 0; i < values.length; i++) {
            columns.get(i).add(values[i]);
        }
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
