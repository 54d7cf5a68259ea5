package org.parley.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plain JDBC to the database the application under test uses, so that tests compute expected answers by their own
 * SQL rather than through the code they test.
 */
public final class Database {

    private Database() {
    }

    /** A connection of the test's own (for a test that holds a lock or a transaction open); the caller closes it. */
    public static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        Properties properties = new Properties();
        properties.setProperty("user", config.getValue("quarkus.datasource.username", String.class));
        config.getOptionalValue("quarkus.datasource.password", String.class)
                .ifPresent(password -> properties.setProperty("password", password));
        return new org.postgresql.Driver().connect(config.getValue("quarkus.datasource.jdbc.url", String.class),
                properties);
    }

    public static List<Map<String, Object>> rows(String sql, Object... args) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement that returns no rows (test clean-up). */
    public static int execute(String sql, Object... args) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row. */
    public static <T> List<T> column(String sql, Object... args) {
        List<T> values = new ArrayList<>();
        for (Map<String, Object> row : rows(sql, args)) {
            @SuppressWarnings("unchecked")
            T value = (T) row.values().iterator().next();
            values.add(value);
        }
        return values;
    }

    public static long count(String sql, Object... args) {
        return ((Number) rows(sql, args).get(0).values().iterator().next()).longValue();
    }
}
