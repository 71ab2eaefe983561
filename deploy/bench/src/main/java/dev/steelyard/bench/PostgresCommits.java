package dev.steelyard.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The physical reference of every write path: one-row INSERT transactions, each committed on its
 * own (autocommit, the server's default synchronous_commit and fsync on), through JDBC to the same
 * PostgreSQL the services use, in a database of its own (bench).
 */
public final class PostgresCommits implements AutoCloseable {

    private final BlockingQueue<Connection> pool = new LinkedBlockingQueue<>();
    private final List<Connection> all = new ArrayList<>();
    private final ExecutorService executor;

    public PostgresCommits(BenchStack stack, int connections) throws SQLException {
        stack.ensureBenchDatabase();
        for (int i = 0; i < connections; i++) {
            Connection connection = stack.connect("bench");
            connection.setAutoCommit(true);
            all.add(connection);
            pool.add(connection);
        }
        try (Statement statement = all.get(0).createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS commit_probe (
                        id bigserial PRIMARY KEY, client int NOT NULL, payload text NOT NULL,
                        created_at timestamptz NOT NULL DEFAULT now())""");
            statement.execute("TRUNCATE commit_probe");
        }
        executor = Executors.newFixedThreadPool(connections, r -> new Thread(r, "pg-reference"));
    }

    /** Commits per second with {@code clients} connections, each committing as fast as it can. */
    public double throughput(int clients, double seconds) {
        if (clients > all.size()) {
            throw new IllegalArgumentException("only " + all.size() + " connections");
        }
        return ClosedLoop.run(clients, seconds, client -> {
            commit(all.get(client), client);
            return 1;
        });
    }

    /** One commit at a time from the pool, for the open-loop generator. */
    public CompletableFuture<Boolean> commitAsync() {
        return CompletableFuture.supplyAsync(() -> {
            Connection connection = pool.poll();
            try {
                if (connection == null) {
                    connection = pool.take();
                }
                commit(connection, 0);
                return true;
            } catch (Exception e) {
                return false;
            } finally {
                if (connection != null) {
                    pool.add(connection);
                }
            }
        }, executor);
    }

    private static void commit(Connection connection, int client) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO commit_probe (client, payload) VALUES (?, ?)")) {
            insert.setInt(1, client);
            insert.setString(2, "one row, one transaction");
            insert.executeUpdate();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        for (Connection connection : all) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Closing anyway.
            }
        }
    }
}
