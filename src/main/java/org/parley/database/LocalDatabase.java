package org.parley.database;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.jboss.logging.Logger;

/**
 * Finds a PostgreSQL for dev mode and tests: the one listening on localhost (trust auth, user {@code postgres}) when
 * it answers, else an embedded PostgreSQL started in this JVM. Creates the requested database if it is missing.
 */
public final class LocalDatabase {

    private static final Logger LOG = Logger.getLogger(LocalDatabase.class);
    private static final String HOST = "127.0.0.1";
    private static final String USER = "postgres";

    /** Where a database can be reached. */
    public record Endpoint(String host, int port, String database, String user) {
        public String reactiveUrl() {
            return "postgresql://" + host + ":" + port + "/" + database;
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    private LocalDatabase() {
    }

    /** The local server on {@code preferredPort} if it accepts us, else the embedded one; {@code database} exists after. */
    public static synchronized Endpoint obtain(int preferredPort, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        int port = preferredPort;
        if (!answers(preferredPort)) {
            LOG.infof("No PostgreSQL answers on %s:%d; starting an embedded PostgreSQL", HOST, preferredPort);
            port = EmbeddedServer.port();
        }
        createIfMissing(port, database);
        return new Endpoint(HOST, port, database, USER);
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
        } catch (IOException e) {
            return false;
        }
        try (Connection ignored = connect(port, "postgres")) {
            return true;
        } catch (SQLException e) {
            LOG.warnf("Something listens on %s:%d but PostgreSQL refused user %s (%s)", HOST, port, USER, e.getMessage());
            return false;
        }
    }

    private static void createIfMissing(int port, String database) {
        try (Connection connection = connect(port, "postgres");
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + database);
                LOG.infof("Created database %s on port %d", database, port);
            }
        } catch (SQLException e) {
            // 42P04: another JVM created it between our check and our create
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("Cannot prepare database " + database + " on port " + port, e);
            }
        }
    }

    private static Connection connect(int port, String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("connectTimeout", "3");
        // The driver directly: DriverManager does not see drivers loaded by Quarkus' class loaders.
        Connection connection = new org.postgresql.Driver()
                .connect("jdbc:postgresql://" + HOST + ":" + port + "/" + database, properties);
        if (connection == null) {
            throw new SQLException("PostgreSQL driver refused the URL");
        }
        return connection;
    }
}
