package io.flushdb.sql.infoschema;

import io.flushdb.storage.dict.Collation;
import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.ColumnType;
import java.util.ArrayList;
import java.util.List;

/**
 * The declaration of one {@code information_schema} table: its name, its columns with MySQL 8.0's
 * types, and the function that produces its rows when a statement reads it. The columns are
 * dictionary {@link ColumnDef}s, so the planner types them, result metadata reports them and
 * {@code information_schema.COLUMNS} lists them exactly as it does a stored table's columns.
 *
 * <p>Declared with {@link #named}:
 * <pre>{@code
 * InfoSchemaTable.named("GLOBAL_VARIABLES")
 *         .varchar("VARIABLE_NAME", 64).notNull()
 *         .varchar("VARIABLE_VALUE", 1024)
 *         .rows(ctx -> ...)   // one Object[] per row, a value per column
 * }</pre>
 *
 * @param name    the table name as MySQL spells it (upper case); looked up case-insensitively
 * @param columns the columns in order
 * @param rows    the row function, called once per read of the table by a statement
 */
public record InfoSchemaTable(String name, List<ColumnDef> columns, Rows rows) {

    /**
     * Produces a table's rows for one statement. Each row is an {@code Object[]} with a value per
     * column, in the canonical form statement results use: {@code String} for text, {@code Long}
     * for integers (or {@code BigInteger} for BIGINT UNSIGNED beyond Long's range), {@code Double}
     * for DOUBLE, {@code LocalDateTime} for DATETIME and TIMESTAMP (in the session's time zone),
     * null for NULL. A value the statement does not read may be left null
     * ({@link InfoSchemaContext#reads}).
     */
    @FunctionalInterface
    public interface Rows {
        Iterable<Object[]> rows(InfoSchemaContext context);
    }

    public InfoSchemaTable {
        columns = List.copyOf(columns);
    }

    /** The position of column {@code columnName} (case-insensitive), or -1. */
    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(columnName)) {
                return i;
            }
        }
        return -1;
    }

    /** Starts the declaration of table {@code name}. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /**
     * Builds a declaration column by column, each with MySQL 8.0's type for it. Columns are NULL
     * unless followed by {@link #notNull()}. Text columns compare as MySQL's information_schema
     * columns do: case-insensitively ({@code utf8mb3_general_ci} in MySQL), except those declared
     * with {@link #name} (database, table and other object names), which compare case-sensitively
     * as MySQL's do on a case-sensitive file system ({@code lower_case_table_names=0}).
     */
    public static final class Builder {
        private final String name;
        private final List<ColumnDef> columns = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        private Builder add(String column, ColumnType type, long length, int precision, int scale, boolean unsigned,
                            Collation collation) {
            columns.add(new ColumnDef(column, type, length, precision, scale, 0, unsigned, false, true, null,
                    ColumnDef.DefaultKind.NULL, false, false, collation, ""));
            return this;
        }

        /** Makes the column declared last NOT NULL. */
        public Builder notNull() {
            int last = columns.size() - 1;
            ColumnDef c = columns.get(last);
            columns.set(last, new ColumnDef(c.name(), c.type(), c.length(), c.precision(), c.scale(), c.fsp(),
                    c.unsigned(), c.zerofill(), false, null, ColumnDef.DefaultKind.NONE, false, false, c.collation(),
                    c.comment()));
            return this;
        }

        /** VARCHAR(64) holding an object name (database, table, column, index): compared case-sensitively. */
        public Builder name(String column) {
            return add(column, ColumnType.VARCHAR, 64, 0, 0, false, Collation.UTF8MB4_BIN);
        }

        /** VARCHAR(length). */
        public Builder varchar(String column, int length) {
            return add(column, ColumnType.VARCHAR, length, 0, 0, false, Collation.UTF8MB4_GENERAL_CI);
        }

        /**
         * MySQL's ENUM('a', 'b', ...) columns (TABLE_TYPE, COLUMN_KEY, ...), as a VARCHAR as long as
         * the longest value: FlushDB has no ENUM type.
         */
        public Builder enumeration(String column, String... values) {
            int longest = 0;
            for (String v : values) {
                longest = Math.max(longest, v.length());
            }
            return varchar(column, longest);
        }

        public Builder text(String column) {
            return add(column, ColumnType.TEXT, 0, 0, 0, false, Collation.UTF8MB4_GENERAL_CI);
        }

        public Builder mediumtext(String column) {
            return add(column, ColumnType.MEDIUMTEXT, 0, 0, 0, false, Collation.UTF8MB4_GENERAL_CI);
        }

        public Builder longtext(String column) {
            return add(column, ColumnType.LONGTEXT, 0, 0, 0, false, Collation.UTF8MB4_GENERAL_CI);
        }

        /** BINARY(0): a column MySQL keeps for the standard's sake and that is always NULL (SQL_PATH, PACKED). */
        public Builder alwaysNull(String column) {
            return add(column, ColumnType.BINARY, 0, 0, 0, false, null);
        }

        public Builder integer(String column) {
            return add(column, ColumnType.INT, 0, 0, 0, false, null);
        }

        public Builder intUnsigned(String column) {
            return add(column, ColumnType.INT, 0, 0, 0, true, null);
        }

        public Builder bigint(String column) {
            return add(column, ColumnType.BIGINT, 0, 0, 0, false, null);
        }

        public Builder bigintUnsigned(String column) {
            return add(column, ColumnType.BIGINT, 0, 0, 0, true, null);
        }

        public Builder doublePrecision(String column) {
            return add(column, ColumnType.DOUBLE, 0, 0, 0, false, null);
        }

        public Builder datetime(String column) {
            return add(column, ColumnType.DATETIME, 0, 0, 0, false, null);
        }

        public Builder timestamp(String column) {
            return add(column, ColumnType.TIMESTAMP, 0, 0, 0, false, null);
        }

        /** Ends the declaration with the table's row function. */
        public InfoSchemaTable rows(Rows rows) {
            return new InfoSchemaTable(name, columns, rows);
        }
    }
}
