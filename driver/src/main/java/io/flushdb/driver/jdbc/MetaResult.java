package io.flushdb.driver.jdbc;

import io.flushdb.sql.exec.ColumnMeta;
import io.flushdb.sql.exec.StatementResult;
import io.flushdb.sql.types.MySqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the result sets of {@link JdbcDatabaseMetaData}: columns declared in one string, in JDBC's
 * order and with JDBC's names, then rows. Column kinds: {@code s} VARCHAR, {@code i} INT,
 * {@code h} SMALLINT, {@code l} BIGINT, {@code b} BOOLEAN (BIT). Integer cells may be given as any
 * {@link Number}; they are stored as the engine stores integers ({@code Long}).
 */
final class MetaResult {
    private final List<ColumnMeta> columns = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();

    /** Columns from a spec such as {@code "TABLE_CAT s, DATA_TYPE i, KEY_SEQ h"}. */
    static MetaResult of(String spec) {
        MetaResult r = new MetaResult();
        for (String part : spec.split(",")) {
            String[] nameKind = part.trim().split("\\s+");
            MySqlType type = switch (nameKind[1]) {
                case "s" -> MySqlType.VARCHAR;
                case "i" -> MySqlType.INT;
                case "h" -> MySqlType.SMALLINT;
                case "l" -> MySqlType.BIGINT;
                case "b" -> MySqlType.BIT;
                default -> throw new IllegalArgumentException("column kind " + nameKind[1]);
            };
            long length = switch (type) {
                case VARCHAR -> 64;
                case INT -> 11;
                case SMALLINT -> 6;
                case BIGINT -> 20;
                default -> 1;
            };
            r.columns.add(ColumnMeta.expression(nameKind[0], type, length, 0, true));
        }
        return r;
    }

    MetaResult row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        Object[] row = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            row[i] = v instanceof Number n && !(v instanceof Long) ? (Object) n.longValue() : v;
        }
        rows.add(row);
        return this;
    }

    List<Object[]> rows() {
        return rows;
    }

    StatementResult result() {
        return StatementResult.rows(columns, rows, 0);
    }

    JdbcResultSet resultSet() {
        return JdbcResultSet.detached(null, result());
    }
}
