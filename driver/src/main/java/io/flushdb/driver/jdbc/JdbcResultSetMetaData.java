package io.flushdb.driver.jdbc;

import io.flushdb.sql.exec.ColumnMeta;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * A result's columns as Connector/J describes them (its default {@code useOldAliasMetadataBehavior
 * =false} and {@code databaseTerm=CATALOG}): the label is the alias, the column and table names are
 * the underlying ones, the catalog is the database and the schema is empty. Type names and
 * {@code java.sql.Types} codes come from {@link io.flushdb.sql.types.MySqlType}; the class name is
 * the one {@code getObject} returns.
 *
 * <p>Immutable.
 */
public final class JdbcResultSetMetaData extends JdbcObject implements ResultSetMetaData {
    private final List<ColumnMeta> columns;

    JdbcResultSetMetaData(List<ColumnMeta> columns) {
        this.columns = columns;
    }

    private ColumnMeta column(int i) throws SQLException {
        if (i < 1 || i > columns.size()) {
            throw SqlExceptions.illegalArgument("Column index out of range: " + i + " (columns: " + columns.size() + ")");
        }
        return columns.get(i - 1);
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public boolean isAutoIncrement(int i) throws SQLException {
        return column(i).autoIncrement();
    }

    /** Binary strings compare byte by byte; text uses FlushDB's case-insensitive default collation. */
    @Override
    public boolean isCaseSensitive(int i) throws SQLException {
        return column(i).type().isBinary();
    }

    @Override
    public boolean isSearchable(int i) throws SQLException {
        column(i);
        return true;
    }

    @Override
    public boolean isCurrency(int i) throws SQLException {
        column(i);
        return false;
    }

    @Override
    public int isNullable(int i) throws SQLException {
        return column(i).nullable() ? columnNullable : columnNoNulls;
    }

    @Override
    public boolean isSigned(int i) throws SQLException {
        return column(i).signed();
    }

    @Override
    public int getColumnDisplaySize(int i) throws SQLException {
        return column(i).precision();
    }

    @Override
    public String getColumnLabel(int i) throws SQLException {
        return column(i).label();
    }

    @Override
    public String getColumnName(int i) throws SQLException {
        ColumnMeta c = column(i);
        return c.name().isEmpty() ? c.label() : c.name();
    }

    /** Empty: MySQL's databases are JDBC catalogs. */
    @Override
    public String getSchemaName(int i) throws SQLException {
        column(i);
        return "";
    }

    @Override
    public int getPrecision(int i) throws SQLException {
        return column(i).precision();
    }

    @Override
    public int getScale(int i) throws SQLException {
        return column(i).scale();
    }

    @Override
    public String getTableName(int i) throws SQLException {
        return column(i).originalTable();
    }

    @Override
    public String getCatalogName(int i) throws SQLException {
        return column(i).database();
    }

    @Override
    public int getColumnType(int i) throws SQLException {
        return column(i).type().jdbcType();
    }

    @Override
    public String getColumnTypeName(int i) throws SQLException {
        return column(i).type().typeName();
    }

    /** Computed columns (no underlying table) are read-only, as Connector/J reports them. */
    @Override
    public boolean isReadOnly(int i) throws SQLException {
        return column(i).originalTable().isEmpty();
    }

    @Override
    public boolean isWritable(int i) throws SQLException {
        return !isReadOnly(i);
    }

    @Override
    public boolean isDefinitelyWritable(int i) throws SQLException {
        return isWritable(i);
    }

    @Override
    public String getColumnClassName(int i) throws SQLException {
        return ObjectValues.className(column(i));
    }
}
