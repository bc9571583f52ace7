package org.iris.it;

import org.iris.platform.entity.Region;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Direct JDBC access to the test databases, one per boundary, to check where rows really are
 * without going through Iris.
 */
public final class Databases {

    public static final List<String> REGIONS = Arrays.stream(Region.values()).map(Region::key).toList();
    public static final String GLOBAL = "global";

    private Databases() {
    }

    public static Connection connect(String boundary) throws SQLException {
        String url = "jdbc:postgresql://" + System.getProperty("it.db.host", "127.0.0.1") + ":"
                + System.getProperty("it.db.port", "5432") + "/"
                + System.getProperty("it.db.prefix", "iris_it_") + boundary;
        return DriverManager.getConnection(url, System.getProperty("it.db.user", "iris"),
                System.getProperty("it.db.password", "iris"));
    }

    /** The first column of every row the query returns, as text. */
    public static List<String> column(String boundary, String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(boundary);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    public static int update(String boundary, String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(boundary);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    /** How many rows the table has in each boundary, in the order of {@code boundaries}. */
    public static List<Long> counts(String table, List<String> boundaries) throws SQLException {
        List<Long> counts = new ArrayList<>();
        for (String boundary : boundaries) {
            counts.add(Long.valueOf(column(boundary, "SELECT count(*) FROM " + table).get(0)));
        }
        return counts;
    }

    /** How many companies each region holds, and how many routes {@code global} holds. */
    public static List<Long> companyCounts() throws SQLException {
        List<Long> counts = new ArrayList<>(counts("company", REGIONS));
        counts.addAll(counts("company_route", List.of(GLOBAL)));
        return counts;
    }
}
