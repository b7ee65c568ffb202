package io.flushdb.sql.types;

import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.ColumnType;
import java.util.List;

/** How a stored column's type reads in MySQL's metadata: its {@link MySqlType} and COLUMN_TYPE text. */
public final class ColumnTypes {
    private ColumnTypes() {
    }

    /** The result-metadata type of column {@code c}. */
    public static MySqlType mysqlType(ColumnDef c) {
        boolean u = c.unsigned();
        return switch (c.type()) {
            case TINYINT -> u ? MySqlType.TINYINT_UNSIGNED : MySqlType.TINYINT;
            case BOOLEAN -> MySqlType.BIT;
            case SMALLINT -> u ? MySqlType.SMALLINT_UNSIGNED : MySqlType.SMALLINT;
            case MEDIUMINT -> u ? MySqlType.MEDIUMINT_UNSIGNED : MySqlType.MEDIUMINT;
            case INT -> u ? MySqlType.INT_UNSIGNED : MySqlType.INT;
            case BIGINT -> u ? MySqlType.BIGINT_UNSIGNED : MySqlType.BIGINT;
            case DECIMAL -> u ? MySqlType.DECIMAL_UNSIGNED : MySqlType.DECIMAL;
            case FLOAT -> u ? MySqlType.FLOAT_UNSIGNED : MySqlType.FLOAT;
            case DOUBLE -> u ? MySqlType.DOUBLE_UNSIGNED : MySqlType.DOUBLE;
            case CHAR -> MySqlType.CHAR;
            case VARCHAR -> MySqlType.VARCHAR;
            case TINYTEXT -> MySqlType.TINYTEXT;
            case TEXT -> MySqlType.TEXT;
            case MEDIUMTEXT -> MySqlType.MEDIUMTEXT;
            case LONGTEXT -> MySqlType.LONGTEXT;
            case BINARY -> MySqlType.BINARY;
            case VARBINARY -> MySqlType.VARBINARY;
            case TINYBLOB -> MySqlType.TINYBLOB;
            case BLOB -> MySqlType.BLOB;
            case MEDIUMBLOB -> MySqlType.MEDIUMBLOB;
            case LONGBLOB -> MySqlType.LONGBLOB;
            case DATE -> MySqlType.DATE;
            case TIME -> MySqlType.TIME;
            case DATETIME -> MySqlType.DATETIME;
            case TIMESTAMP -> MySqlType.TIMESTAMP;
            case YEAR -> MySqlType.YEAR;
            case BIT -> MySqlType.BIT_FIELD;
            case ENUM -> MySqlType.ENUM;
            case SET -> MySqlType.SET;
            case JSON -> MySqlType.JSON;
        };
    }

    /**
     * The type name a MySQL client shows for column {@code c} in result metadata. Connector/J names
     * a text column by its length in bytes, which utf8mb4 makes four times its length in
     * characters: a TEXT column reads as MEDIUMTEXT, TINYTEXT as TEXT, MEDIUMTEXT as LONGTEXT.
     */
    public static MySqlType resultType(ColumnDef c) {
        return switch (c.type()) {
            case TINYTEXT -> MySqlType.TEXT;
            case TEXT -> MySqlType.MEDIUMTEXT;
            case MEDIUMTEXT, LONGTEXT -> MySqlType.LONGTEXT;
            default -> mysqlType(c);
        };
    }

    /**
     * information_schema.COLUMNS.COLUMN_TYPE as MySQL 8.0 writes it: "int", "int unsigned",
     * "varchar(20)", "decimal(10,2)", "tinyint(1)", "datetime(3)"; display widths only where 8.0
     * still shows them (tinyint(1), ZEROFILL).
     */
    public static String columnType(ColumnDef c) {
        String base = c.type() == ColumnType.BOOLEAN ? "tinyint" : c.type().name().toLowerCase(java.util.Locale.ROOT);
        StringBuilder sb = new StringBuilder(base);
        switch (c.type()) {
            case BOOLEAN -> sb.append("(1)");
            case TINYINT, SMALLINT, MEDIUMINT, INT, BIGINT -> {
                if (c.zerofill() && c.length() > 0) {
                    sb.append('(').append(c.length()).append(')');
                }
            }
            case DECIMAL -> sb.append('(').append(c.precision()).append(',').append(c.scale()).append(')');
            case FLOAT, DOUBLE -> {
                if (c.precision() > 0) {
                    sb.append('(').append(c.precision()).append(',').append(c.scale()).append(')');
                }
            }
            case CHAR, VARCHAR, BINARY, VARBINARY, BIT -> sb.append('(').append(c.length()).append(')');
            case ENUM, SET -> {
                sb.append('(');
                List<String> members = c.extra().elements();
                for (int i = 0; i < members.size(); i++) {
                    sb.append(i == 0 ? "" : ",").append('\'').append(members.get(i).replace("'", "''")).append('\'');
                }
                sb.append(')');
            }
            case TIME, DATETIME, TIMESTAMP -> {
                if (c.fsp() > 0) {
                    sb.append('(').append(c.fsp()).append(')');
                }
            }
            default -> {
            }
        }
        if (c.unsigned()) {
            sb.append(" unsigned");
        }
        if (c.zerofill()) {
            sb.append(" zerofill");
        }
        return sb.toString();
    }

    /** The display length MySQL reports for the column (result metadata "length", in characters). */
    public static long displayLength(ColumnDef c) {
        return switch (c.type()) {
            case TINYINT -> c.unsigned() ? 3 : 4;
            case BOOLEAN -> 1;
            case SMALLINT -> c.unsigned() ? 5 : 6;
            case MEDIUMINT -> c.unsigned() ? 8 : 9;
            case INT -> c.unsigned() ? 10 : 11;
            case BIGINT -> 20;
            case DECIMAL -> c.precision() + (c.scale() > 0 ? 1 : 0) + (c.unsigned() ? 0 : 1);
            case FLOAT -> 12;
            case DOUBLE -> 22;
            case CHAR, VARCHAR, BINARY, VARBINARY -> c.length();
            case TINYTEXT, TINYBLOB -> 255;
            case TEXT, BLOB -> 65535;
            case MEDIUMTEXT, MEDIUMBLOB -> 16777215;
            case LONGTEXT, LONGBLOB -> 4294967295L;
            case DATE -> 10;
            case TIME -> 10 + (c.fsp() > 0 ? c.fsp() + 1 : 0);
            case DATETIME, TIMESTAMP -> 19 + (c.fsp() > 0 ? c.fsp() + 1 : 0);
            case YEAR -> 4;
            case BIT -> c.length();
            case ENUM -> enumMaxLength(c);
            case SET -> setMaxLength(c);
            case JSON -> 4294967295L;
        };
    }

    /** The longest member of an ENUM, in characters (at least 1... MySQL's field length). */
    public static long enumMaxLength(ColumnDef c) {
        long max = 0;
        for (String m : c.extra().elements()) {
            max = Math.max(max, m.codePointCount(0, m.length()));
        }
        return max;
    }

    /** The longest value of a SET: every member and the commas between them, in characters. */
    public static long setMaxLength(ColumnDef c) {
        long n = 0;
        for (String m : c.extra().elements()) {
            n += m.codePointCount(0, m.length());
        }
        return n + Math.max(0, c.extra().elements().size() - 1);
    }
}
