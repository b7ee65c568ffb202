package io.flushdb.driver.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * FlushDB as a MySQL 8.0 server, described the way Connector/J describes one with its default
 * settings: product "MySQL" at version {@code 8.0.36-FlushDB-<version>} (so Hibernate resolves its
 * MySQL dialect), backtick identifier quotes, databases as catalogs and no schemas
 * ({@code databaseTerm=CATALOG}), REPEATABLE READ by default, DDL committing the open transaction,
 * and identifier case kept as written ({@code lower_case_table_names=0}, as MySQL on Linux).
 *
 * <p>The catalog result sets come from {@link CatalogResults} and {@link TypeInfo}; this class
 * answers the capability questions. Where FlushDB differs from MySQL it says what FlushDB does
 * (no stored procedures, no multiple result sets, no updatable result sets).
 */
public final class JdbcDatabaseMetaData extends MySqlCapabilities {
    private final JdbcConnection connection;

    JdbcDatabaseMetaData(JdbcConnection connection) {
        this.connection = connection;
    }

    /** {@code identifier} in backticks (doubling any inside); unquoted when allowed and plain. */
    static String quoteIdentifier(String identifier, boolean alwaysQuote) {
        if (!alwaysQuote && identifier.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
            return identifier;
        }
        if (identifier.length() >= 2 && identifier.startsWith("`") && identifier.endsWith("`")
                && !identifier.substring(1, identifier.length() - 1).replace("``", "").contains("`")) {
            return identifier;
        }
        return "`" + identifier.replace("`", "``") + "`";
    }

    private ResultSet catalogResult(Function<CatalogResults, MetaResult> query) throws SQLException {
        MetaResult r = connection.withSession(s -> query.apply(new CatalogResults(s.engine().catalog())));
        return r.resultSet();
    }

    private ResultSet empty(String columns) throws SQLException {
        connection.checkOpen();
        return MetaResult.of(columns).resultSet();
    }

    // ---- identity -----------------------------------------------------------------------------

    @Override
    public String getDatabaseProductName() {
        return "MySQL";
    }

    @Override
    public String getDatabaseProductVersion() {
        return DriverVersion.productVersion();
    }

    @Override
    public int getDatabaseMajorVersion() {
        return DriverVersion.MYSQL_MAJOR;
    }

    @Override
    public int getDatabaseMinorVersion() {
        return DriverVersion.MYSQL_MINOR;
    }

    @Override
    public String getDriverName() {
        return JdbcDriver.NAME;
    }

    @Override
    public String getDriverVersion() {
        return DriverVersion.VERSION;
    }

    @Override
    public int getDriverMajorVersion() {
        return DriverVersion.MAJOR;
    }

    @Override
    public int getDriverMinorVersion() {
        return DriverVersion.MINOR;
    }

    @Override
    public int getJDBCMajorVersion() {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() {
        return 2;
    }

    @Override
    public String getURL() {
        return connection.url().url();
    }

    /** The {@code user} property as given (never checked: there is no authentication). */
    @Override
    public String getUserName() {
        String user = connection.url().user();
        return user == null ? "" : user;
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return connection.isReadOnly();
    }

    @Override
    public int getSQLStateType() {
        return sqlStateSQL;
    }

    // ---- catalog result sets ------------------------------------------------------------------

    @Override
    public ResultSet getCatalogs() throws SQLException {
        return catalogResult(CatalogResults::catalogs);
    }

    /** Empty: databases are catalogs. */
    @Override
    public ResultSet getSchemas() throws SQLException {
        return empty(CatalogResults.SCHEMAS);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        return empty(CatalogResults.SCHEMAS);
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        connection.checkOpen();
        return MetaResult.of(CatalogResults.TABLE_TYPES).row("TABLE").resultSet();
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        return catalogResult(c -> c.tables(catalog, tableNamePattern, types));
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        return catalogResult(c -> c.columns(catalog, tableNamePattern, columnNamePattern));
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        requireTable(table);
        return catalogResult(c -> c.primaryKeys(catalog, table));
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        requireTable(table);
        return catalogResult(c -> c.indexInfo(catalog, table, unique));
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
            throws SQLException {
        requireTable(table);
        return catalogResult(c -> c.bestRowIdentifier(catalog, table));
    }

    private static void requireTable(String table) throws SQLException {
        if (table == null) {
            throw SqlExceptions.illegalArgument("Table not specified.");
        }
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        connection.checkOpen();
        return TypeInfo.result().resultSet();
    }

    /** Empty: FlushDB has no foreign keys yet. */
    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        requireTable(table);
        return catalogResult(c -> c.foreignKeys(null, null, catalog, table, true));
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        requireTable(table);
        return catalogResult(c -> c.foreignKeys(catalog, table, null, null, false));
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
                                       String foreignCatalog, String foreignSchema, String foreignTable)
            throws SQLException {
        requireTable(parentTable);
        requireTable(foreignTable);
        return catalogResult(c -> c.foreignKeys(parentCatalog, parentTable, foreignCatalog, foreignTable, false));
    }

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
            throws SQLException {
        return empty(CatalogResults.PROCEDURES);
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
                                         String columnNamePattern) throws SQLException {
        return empty(CatalogResults.PROCEDURE_COLUMNS);
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
            throws SQLException {
        return empty(CatalogResults.FUNCTIONS);
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
                                        String columnNamePattern) throws SQLException {
        return empty(CatalogResults.FUNCTION_COLUMNS);
    }

    /** Empty: there is no privilege system (every connection may do everything). */
    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern)
            throws SQLException {
        return empty(CatalogResults.COLUMN_PRIVILEGES);
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        return empty(CatalogResults.TABLE_PRIVILEGES);
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        return empty(CatalogResults.VERSION_COLUMNS);
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types)
            throws SQLException {
        return empty(CatalogResults.UDTS);
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
        return empty(CatalogResults.SUPER_TYPES);
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        return empty(CatalogResults.SUPER_TABLES);
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
                                   String attributeNamePattern) throws SQLException {
        return empty(CatalogResults.ATTRIBUTES);
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        return empty(CatalogResults.CLIENT_INFO);
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
                                      String columnNamePattern) throws SQLException {
        return empty(CatalogResults.PSEUDO_COLUMNS);
    }
}
