package dev.steelyard.chassis.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from embedded binaries (no Docker, no installation), or an existing
 * server named by a JDBC URL. It creates the databases and the login role services use.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PostgresServer.class);

    public static final String USER = "steelyard";
    public static final String PASSWORD = "steelyard";

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String adminUser;
    private final String adminPassword;

    private PostgresServer(EmbeddedPostgres embedded, String host, int port, String adminUser, String adminPassword) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** Starts embedded binaries; a data directory that already holds a cluster is reused. */
    public static PostgresServer embedded(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    // The owner stops the server with close(), after whatever still uses it; a
                    // hook of its own would stop it in parallel with the owner's shutdown hook.
                    .setRegisterShutdownHook(false)
                    .start();
            PostgresServer server = new PostgresServer(postgres, "127.0.0.1", postgres.getPort(), "postgres", "");
            server.ensureRole();
            LOG.infof("PostgreSQL (embedded) ready at 127.0.0.1:%d, data in %s", postgres.getPort(), dataDirectory);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** Uses a server that already runs; the user must be allowed to create databases. */
    public static PostgresServer external(String host, int port, String adminUser, String adminPassword) {
        PostgresServer server = new PostgresServer(null, host, port, adminUser, adminPassword);
        server.ensureRole();
        LOG.infof("PostgreSQL (external) at %s:%d", host, port);
        return server;
    }

    /** Attaches to a server already started by this JVM, without a handle to stop it. */
    public static PostgresServer attach(String host, int port, String adminUser, String adminPassword) {
        return new PostgresServer(null, host, port, adminUser, adminPassword);
    }

    public String host() {
        return host;
    }

    public String adminUser() {
        return adminUser;
    }

    public String adminPassword() {
        return adminPassword;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** Creates the database, owned by the service role, unless it exists. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + name + " OWNER " + USER);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    private void ensureRole() {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "'");
            if (!exists.next()) {
                statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create role " + USER + " on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), adminUser, adminPassword);
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.warnf("PostgreSQL did not stop cleanly: %s", e.getMessage());
            }
        }
    }
}
