package io.flushdb.driver.jdbc;

import io.flushdb.sql.exec.ColumnMeta;
import io.flushdb.sql.types.MySqlType;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Hand-made results for result set tests: one column per call, then rows. */
final class Results {
    private final List<ColumnMeta> columns = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();

    static ColumnMeta column(String label, MySqlType type) {
        long length = switch (type) {
            case INT -> 11;
            case BIGINT, BIGINT_UNSIGNED -> 20;
            case VARCHAR -> 40;
            case DATETIME, TIMESTAMP -> 19;
            default -> 10;
        };
        return new ColumnMeta(label, label.toLowerCase(java.util.Locale.ROOT), "t", "items", "shop", type, length, 0,
                true, false, false, 0);
    }

    Results add(ColumnMeta c) {
        columns.add(c);
        return this;
    }

    Results add(String label, MySqlType type) {
        return add(column(label, type));
    }

    Results row(Object... values) {
        rows.add(values);
        return this;
    }

    JdbcResultSet forwardOnly() {
        return new JdbcResultSet(null, columns, rows, ResultSet.TYPE_FORWARD_ONLY);
    }

    JdbcResultSet scrollable() {
        return new JdbcResultSet(null, columns, rows, ResultSet.TYPE_SCROLL_INSENSITIVE);
    }

    /** A forward-only result of one column and one row, positioned on it. */
    static JdbcResultSet single(MySqlType type, Object value) throws java.sql.SQLException {
        JdbcResultSet rs = new Results().add("v", type).row(value).forwardOnly();
        rs.next();
        return rs;
    }
}
