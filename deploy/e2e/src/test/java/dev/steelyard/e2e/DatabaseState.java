package dev.steelyard.e2e;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A checksum of every row of every table in the five services' databases, to prove that a batch
 * of requests changed nothing. Nothing is left out: a table a scheduled job writes on its own
 * would show here, which is why the end-to-end stack runs with those jobs off (see {@link Suite}).
 */
final class DatabaseState {

    private DatabaseState() {
    }

    /** "database.schema.table" to "rows:checksum", over the rows' text in a stable order. */
    static Map<String, String> of(Suite suite) {
        Map<String, String> state = new TreeMap<>();
        for (String database : Suite.DATABASES) {
            try (Connection connection = suite.database(database); Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("""
                        SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                        ORDER BY 1""")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rows = statement.executeQuery("SELECT count(*), md5(coalesce(string_agg(md5(t::text), ','"
                            + " ORDER BY md5(t::text)), '')) FROM " + table + " t")) {
                        rows.next();
                        state.put(database + "." + table, rows.getLong(1) + ":" + rows.getString(2));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read database " + database + ": " + e.getMessage(), e);
            }
        }
        return state;
    }

    /**
     * The state once nothing changes any more: two snapshots a settling interval apart agree
     * (consumers have caught up with what was sent before). Fails if that does not happen in time.
     */
    static Map<String, String> settled(Suite suite, Duration interval, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> previous = of(suite);
        while (true) {
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Map<String, String> now = of(suite);
            if (now.equals(previous)) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the databases kept changing for " + timeout.toSeconds() + " s: "
                        + differences(previous, now));
            }
            previous = now;
        }
    }

    /** The tables whose rows differ, with both checksums. */
    static List<String> differences(Map<String, String> before, Map<String, String> after) {
        List<String> differences = new ArrayList<>();
        java.util.Set<String> tables = new java.util.TreeSet<>(before.keySet());
        tables.addAll(after.keySet());
        for (String table : tables) {
            if (!java.util.Objects.equals(before.get(table), after.get(table))) {
                differences.add(table + " " + before.get(table) + " -> " + after.get(table));
            }
        }
        return differences;
    }
}
