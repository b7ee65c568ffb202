package io.flushdb.sql.exec;

import io.flushdb.sql.types.MySqlType;

/**
 * One column of a result, as {@code ResultSetMetaData} describes it.
 *
 * @param label         the column label (alias, or the expression text MySQL would show)
 * @param name          the underlying column name, or the label for expressions
 * @param table         the underlying table's name, or "" for expressions. It is the name even
 *                      when the query gives the table an alias, where MySQL reports the alias (the
 *                      protocol's {@code table} field; the name goes in {@code org_table})
 * @param originalTable the underlying table's name, or ""
 * @param database      the underlying table's database, or ""
 * @param type          the MySQL type
 * @param length        the column's display length in characters (MySQL's "length")
 * @param scale         digits after the decimal point (DECIMAL, and fractional seconds of temporals)
 * @param nullable      whether NULL can appear
 * @param autoIncrement whether it is an AUTO_INCREMENT column
 * @param zerofill      ZEROFILL display
 * @param displayWidth  integer display width, e.g. 11 for INT(11); 0 if none
 */
public record ColumnMeta(String label, String name, String table, String originalTable, String database,
                         MySqlType type, long length, int scale, boolean nullable, boolean autoIncrement,
                         boolean zerofill, int displayWidth) {

    /** Metadata of a computed column. */
    public static ColumnMeta expression(String label, MySqlType type, long length, int scale, boolean nullable) {
        return new ColumnMeta(label, label, "", "", "", type, length, scale, nullable, false, false, 0);
    }

    /** Precision as JDBC reports it: digits for numbers, characters for strings. */
    public int precision() {
        return (int) Math.min(Integer.MAX_VALUE, length);
    }

    public boolean signed() {
        return !type.isUnsigned() && (type.isInteger() || type == MySqlType.DECIMAL || type == MySqlType.FLOAT
                || type == MySqlType.DOUBLE);
    }
}
