package io.flushdb.bench.timeseries;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a MySQL-family database's counters over one JDBC connection: named
 * {@code INFORMATION_SCHEMA.INNODB_METRICS} counters (their {@code COUNT}) and named
 * {@code SHOW GLOBAL STATUS} variables. A name the database does not report is left out of the
 * sample (absent), never an error, so the same sampler works on a database that lacks some of
 * the counters (an older FlushDB, MariaDB).
 *
 * <p>Used by one thread at a time, like its connection.
 */
public final class MetricsSampler implements TimeSeriesRecorder.Sampler {

    private final Connection connection;
    private final List<String> metrics;
    private final List<String> status;
    private final String metricsQuery;
    private String enableFailure;

    /**
     * @param metrics {@code INNODB_METRICS} names, sampled under these spellings
     * @param status {@code SHOW GLOBAL STATUS} names, sampled under these spellings
     */
    public MetricsSampler(Connection connection, List<String> metrics, List<String> status) {
        this.connection = connection;
        this.metrics = List.copyOf(metrics);
        this.status = List.copyOf(status);
        StringBuilder q = new StringBuilder("SELECT NAME, COUNT FROM information_schema.INNODB_METRICS WHERE NAME IN (");
        for (int i = 0; i < metrics.size(); i++) {
            q.append(i == 0 ? "'" : ", '").append(metrics.get(i)).append('\'');
        }
        this.metricsQuery = q.append(')').toString();
    }

    /**
     * Enables every {@code INNODB_METRICS} counter ({@code SET GLOBAL innodb_monitor_enable='all'}):
     * MySQL keeps several of the flushing counters disabled by default. A failure is kept
     * ({@link #enableFailure}), not thrown: the counters that are enabled still count.
     */
    @Override
    public void prepare() {
        try (Statement s = connection.createStatement()) {
            s.execute("SET GLOBAL innodb_monitor_enable = 'all'");
        } catch (SQLException e) {
            enableFailure = e.getMessage();
        }
    }

    /** Why {@code innodb_monitor_enable='all'} failed, or null. */
    public String enableFailure() {
        return enableFailure;
    }

    @Override
    public Map<String, Double> sample() throws SQLException {
        Map<String, Double> values = new HashMap<>();
        Map<String, String> byLowerName = new HashMap<>();
        for (String m : metrics) {
            byLowerName.put(m.toLowerCase(Locale.ROOT), m);
        }
        try (Statement s = connection.createStatement()) {
            if (!metrics.isEmpty()) {
                try (ResultSet rs = s.executeQuery(metricsQuery)) {
                    while (rs.next()) {
                        String name = byLowerName.get(rs.getString(1).toLowerCase(Locale.ROOT));
                        Double v = number(rs.getString(2));
                        if (name != null && v != null) {
                            values.put(name, v);
                        }
                    }
                }
            }
            for (String name : status) {
                try (ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE '" + name + "'")) {
                    if (rs.next()) {
                        Double v = number(rs.getString(2));
                        if (v != null) {
                            values.put(name, v);
                        }
                    }
                }
            }
        }
        return values;
    }

    private static Double number(String text) {
        if (text == null) {
            return null;
        }
        try {
            double v = Double.parseDouble(text.trim());
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
