package io.flushdb.driver.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.driver.engine.EngineRegistry;
import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.ColumnType;
import io.flushdb.storage.dict.Collation;
import io.flushdb.storage.dict.Dictionary;
import io.flushdb.storage.dict.IndexDef;
import io.flushdb.storage.testing.Tables;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DatabaseMetaData over tables made directly in the engine's dictionary. */
class JdbcDatabaseMetaDataTest {
    private final EngineRegistry registry = new EngineRegistry();
    private JdbcConnection conn;
    private DatabaseMetaData md;

    @BeforeEach
    void open() throws SQLException {
        conn = (JdbcConnection) new JdbcDriver(registry).connect(TestUrls.mem() + "&user=app", new Properties());
        md = conn.getMetaData();
        Dictionary dict = conn.lease().engine().storage().dictionary();
        dict.createDatabase("shop", Collation.UTF8MB4_0900_AI_CI, false);
        dict.createDatabase("archive", Collation.UTF8MB4_0900_AI_CI, false);
        dict.createTable(Tables.people("shop"));
        dict.createTable(Tables.table("shop", "orders", List.of(
                Tables.column("order_id", ColumnType.INT, 0, false),
                new ColumnDef("total", ColumnType.DECIMAL, 0, 10, 2, 0, false, false, true, "0.00",
                        ColumnDef.DefaultKind.LITERAL, false, false, null, "order total"),
                new ColumnDef("placed", ColumnType.DATETIME, 0, 0, 0, 3, false, false, false, null,
                        ColumnDef.DefaultKind.CURRENT_TIMESTAMP, false, false, null, ""),
                new ColumnDef("seq", ColumnType.BIGINT, 0, 0, 0, 0, true, false, false, null,
                        ColumnDef.DefaultKind.NONE, true, false, null, ""),
                Tables.column("paid", ColumnType.BOOLEAN, 0, true)),
                Tables.index(IndexDef.PRIMARY_NAME, IndexDef.Kind.PRIMARY, 3, 0),
                Tables.index("by_placed", IndexDef.Kind.INDEX, 2)));
        dict.createTable(Tables.table("archive", "people_2020", List.of(Tables.column("id", ColumnType.INT, 0, false)),
                Tables.index(IndexDef.GENERATED_CLUSTERED_NAME, IndexDef.Kind.GENERATED_CLUSTERED)));
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private static List<String> column(ResultSet rs, String label) throws SQLException {
        List<String> out = new ArrayList<>();
        while (rs.next()) {
            out.add(rs.getString(label));
        }
        return out;
    }

    private static List<String> labels(ResultSet rs) throws SQLException {
        ResultSetMetaData m = rs.getMetaData();
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= m.getColumnCount(); i++) {
            out.add(m.getColumnLabel(i));
        }
        return out;
    }

    @Test
    void identifiesAsMySql80() throws SQLException {
        assertEquals("MySQL", md.getDatabaseProductName());
        assertTrue(md.getDatabaseProductVersion().matches("8\\.0\\.36-FlushDB-\\d+\\.\\d+.*"), md.getDatabaseProductVersion());
        assertEquals(8, md.getDatabaseMajorVersion());
        assertEquals(0, md.getDatabaseMinorVersion());
        assertEquals("FlushDB JDBC Driver", md.getDriverName());
        assertEquals(DriverVersion.VERSION, md.getDriverVersion());
        assertEquals(4, md.getJDBCMajorVersion());
        assertEquals("app", md.getUserName());
        assertTrue(md.getURL().startsWith("jdbc:flushdb:mem:"));
        assertEquals("`", md.getIdentifierQuoteString());
        assertTrue(md.getSQLKeywords().contains("ZEROFILL"));
        assertFalse(md.getSQLKeywords().contains(",SELECT,"), "SQL:2003 keywords are not listed");
        assertEquals("\\", md.getSearchStringEscape());
        assertEquals("database", md.getCatalogTerm());
        assertEquals(conn, md.getConnection());
    }

    @Test
    void capabilitiesHibernateAndPoolsAskAbout() throws SQLException {
        assertTrue(md.supportsGetGeneratedKeys());
        assertTrue(md.supportsBatchUpdates());
        assertTrue(md.supportsTransactions());
        assertTrue(md.supportsSavepoints());
        assertEquals(Connection.TRANSACTION_REPEATABLE_READ, md.getDefaultTransactionIsolation());
        assertTrue(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE));
        assertFalse(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_NONE));
        assertTrue(md.dataDefinitionCausesTransactionCommit());
        assertFalse(md.dataDefinitionIgnoredInTransactions());
        assertTrue(md.storesMixedCaseIdentifiers());
        assertFalse(md.storesLowerCaseIdentifiers());
        assertFalse(md.storesUpperCaseIdentifiers());
        assertTrue(md.storesMixedCaseQuotedIdentifiers());
        assertTrue(md.supportsMixedCaseIdentifiers());
        assertTrue(md.supportsCatalogsInDataManipulation());
        assertTrue(md.supportsCatalogsInTableDefinitions());
        assertFalse(md.supportsSchemasInDataManipulation());
        assertFalse(md.supportsSchemasInTableDefinitions());
        assertFalse(md.supportsNamedParameters());
        assertFalse(md.supportsRefCursors());
        assertTrue(md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
        assertFalse(md.supportsResultSetType(ResultSet.TYPE_SCROLL_SENSITIVE));
        assertFalse(md.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE));
        assertFalse(md.supportsStoredProcedures());
        assertFalse(md.supportsMultipleResultSets());
        assertEquals(DatabaseMetaData.sqlStateSQL, md.getSQLStateType());
    }

    @Test
    void catalogsAreDatabasesAndThereAreNoSchemas() throws SQLException {
        ResultSet cats = md.getCatalogs();
        assertEquals(List.of("TABLE_CAT"), labels(cats));
        assertEquals(List.of("archive", "shop"), column(cats, "TABLE_CAT"));
        ResultSet schemas = md.getSchemas();
        assertEquals(List.of("TABLE_SCHEM", "TABLE_CATALOG"), labels(schemas));
        assertFalse(schemas.next());
        assertEquals(List.of("TABLE"), column(md.getTableTypes(), "TABLE_TYPE"));
    }

    @Test
    void getTables() throws SQLException {
        ResultSet rs = md.getTables(null, null, "%", null);
        assertEquals(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS", "TYPE_CAT", "TYPE_SCHEM",
                "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION"), labels(rs));
        List<String> all = new ArrayList<>();
        while (rs.next()) {
            all.add(rs.getString("TABLE_CAT") + "." + rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE"));
            assertNull(rs.getString("TABLE_SCHEM"));
        }
        assertEquals(List.of("archive.people_2020:TABLE", "shop.orders:TABLE", "shop.people:TABLE"), all);
        assertEquals(List.of("orders", "people"), column(md.getTables("shop", null, null, new String[] {"TABLE"}), "TABLE_NAME"));
        assertEquals(List.of("people_2020", "people"), column(md.getTables(null, null, "peop%", null), "TABLE_NAME"),
                "ordered by catalog, then name");
        assertEquals(List.of("people"), column(md.getTables(null, null, "peopl_", null), "TABLE_NAME"));
        assertEquals(List.of(), column(md.getTables(null, null, "PEOPLE", null), "TABLE_NAME"), "names are case-sensitive");
        assertEquals(List.of(), column(md.getTables("shop", null, "%", new String[] {"VIEW"}), "TABLE_NAME"));
        assertEquals(List.of(), column(md.getTables("nope", null, "%", null), "TABLE_NAME"));
        assertEquals(List.of("people_2020"), column(md.getTables(null, null, "people\\_2020", null), "TABLE_NAME"));
    }

    @Test
    void getColumns() throws SQLException {
        ResultSet rs = md.getColumns("shop", null, "orders", "%");
        assertEquals(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME",
                "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE", "REMARKS", "COLUMN_DEF",
                "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE",
                "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE", "SOURCE_DATA_TYPE", "IS_AUTOINCREMENT",
                "IS_GENERATEDCOLUMN"), labels(rs));
        List<String> described = new ArrayList<>();
        while (rs.next()) {
            described.add(String.join("|", rs.getString("COLUMN_NAME"), rs.getString("DATA_TYPE"),
                    rs.getString("TYPE_NAME"), rs.getString("COLUMN_SIZE"), String.valueOf(rs.getObject("DECIMAL_DIGITS")),
                    rs.getString("NULLABLE"), rs.getString("COLUMN_DEF"), rs.getString("ORDINAL_POSITION"),
                    rs.getString("IS_NULLABLE"), rs.getString("IS_AUTOINCREMENT"), rs.getString("REMARKS")));
        }
        assertEquals(List.of(
                "order_id|" + Types.INTEGER + "|INT|10|null|0|null|1|NO|NO|",
                "total|" + Types.DECIMAL + "|DECIMAL|10|2|1|0.00|2|YES|NO|order total",
                "placed|" + Types.TIMESTAMP + "|DATETIME|23|null|0|CURRENT_TIMESTAMP(3)|3|NO|NO|",
                "seq|" + Types.BIGINT + "|BIGINT UNSIGNED|20|null|0|null|4|NO|YES|",
                "paid|" + Types.BIT + "|BIT|1|null|1|null|5|YES|NO|"), described,
                "DECIMAL_DIGITS as Connector/J's default (SHOW COLUMNS) metadata: a DECIMAL's scale, else null");
    }

    @Test
    void getColumnsOfStringsAndPatterns() throws SQLException {
        ResultSet rs = md.getColumns(null, null, "people", "e%");
        assertTrue(rs.next());
        assertEquals("email", rs.getString("COLUMN_NAME"));
        assertEquals(Types.VARCHAR, rs.getInt("DATA_TYPE"));
        assertEquals(100, rs.getInt("COLUMN_SIZE"));
        assertEquals(400, rs.getInt("CHAR_OCTET_LENGTH"), "utf8mb4: 4 bytes a character");
        rs.getInt("DECIMAL_DIGITS");
        assertTrue(rs.wasNull());
        assertFalse(rs.next());
    }

    @Test
    void getPrimaryKeysInColumnNameOrder() throws SQLException {
        ResultSet rs = md.getPrimaryKeys("shop", null, "orders");
        assertEquals(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"), labels(rs));
        assertTrue(rs.next());
        assertEquals("order_id", rs.getString("COLUMN_NAME"));
        assertEquals(2, rs.getShort("KEY_SEQ"), "second in the key (seq, order_id)");
        assertEquals("PRIMARY", rs.getString("PK_NAME"));
        assertTrue(rs.next());
        assertEquals("seq", rs.getString("COLUMN_NAME"));
        assertEquals(1, rs.getShort("KEY_SEQ"));
        assertFalse(rs.next());
        assertFalse(md.getPrimaryKeys("archive", null, "people_2020").next(), "the hidden row id is not a key");
        assertThrows(SQLException.class, () -> md.getPrimaryKeys("shop", null, null));
    }

    @Test
    void getIndexInfo() throws SQLException {
        ResultSet rs = md.getIndexInfo("shop", null, "people", false, true);
        assertEquals(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE", "INDEX_QUALIFIER", "INDEX_NAME",
                "TYPE", "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC", "CARDINALITY", "PAGES", "FILTER_CONDITION"),
                labels(rs));
        List<String> seen = new ArrayList<>();
        while (rs.next()) {
            seen.add(rs.getBoolean("NON_UNIQUE") + ":" + rs.getString("INDEX_NAME") + ":" + rs.getString("COLUMN_NAME"));
        }
        assertEquals(List.of("false:PRIMARY:id", "false:email:email", "true:city:city"), seen);
        assertEquals(List.of("PRIMARY", "email"), column(md.getIndexInfo("shop", null, "people", true, true), "INDEX_NAME"));
    }

    @Test
    void foreignKeysAndProceduresAreEmptyWithJdbcColumns() throws SQLException {
        ResultSet fk = md.getImportedKeys("shop", null, "orders");
        assertEquals(14, fk.getMetaData().getColumnCount());
        assertEquals("PKTABLE_CAT", fk.getMetaData().getColumnLabel(1));
        assertEquals("DEFERRABILITY", fk.getMetaData().getColumnLabel(14));
        assertFalse(fk.next());
        assertFalse(md.getExportedKeys("shop", null, "orders").next());
        ResultSet procs = md.getProcedures(null, null, "%");
        assertEquals("PROCEDURE_NAME", procs.getMetaData().getColumnLabel(3));
        assertFalse(procs.next());
        assertFalse(md.getFunctions(null, null, "%").next());
    }

    @Test
    void foreignKeysAnswerAsConnectorJ() throws SQLException {
        try (java.sql.Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE shop.region (country CHAR(2), code INT, PRIMARY KEY (country, code))");
            st.execute("CREATE TABLE shop.city (id INT PRIMARY KEY, country CHAR(2), region INT, order_seq BIGINT UNSIGNED, "
                    + "CONSTRAINT fk_city_region FOREIGN KEY (country, region) REFERENCES shop.region (country, code) "
                    + "ON DELETE CASCADE ON UPDATE SET NULL, "
                    + "FOREIGN KEY (order_seq) REFERENCES shop.orders (seq) ON DELETE RESTRICT)");
        }
        ResultSet imported = md.getImportedKeys("shop", null, "city");
        List<String> rows = new ArrayList<>();
        while (imported.next()) {
            rows.add(imported.getString("PKTABLE_CAT") + " " + imported.getString("PKTABLE_NAME") + "."
                    + imported.getString("PKCOLUMN_NAME") + " <- " + imported.getString("FKTABLE_NAME") + "."
                    + imported.getString("FKCOLUMN_NAME") + " #" + imported.getShort("KEY_SEQ") + " u"
                    + imported.getShort("UPDATE_RULE") + " d" + imported.getShort("DELETE_RULE") + " "
                    + imported.getString("FK_NAME") + " " + imported.getString("PK_NAME") + " "
                    + imported.getShort("DEFERRABILITY"));
        }
        assertEquals(List.of(
                "shop orders.seq <- city.order_seq #1 u" + DatabaseMetaData.importedKeyNoAction + " d"
                        + DatabaseMetaData.importedKeyRestrict + " city_ibfk_1 PRIMARY 7",
                "shop region.country <- city.country #1 u" + DatabaseMetaData.importedKeySetNull + " d"
                        + DatabaseMetaData.importedKeyCascade + " fk_city_region PRIMARY 7",
                "shop region.code <- city.region #2 u" + DatabaseMetaData.importedKeySetNull + " d"
                        + DatabaseMetaData.importedKeyCascade + " fk_city_region PRIMARY 7"), rows);
        assertEquals(List.of("country", "region"), column(md.getExportedKeys("shop", null, "region"), "FKCOLUMN_NAME"));
        assertEquals(List.of("city_ibfk_1"), column(md.getCrossReference("shop", null, "orders", "shop", null, "city"),
                "FK_NAME"));
        assertFalse(md.getCrossReference("shop", null, "orders", "shop", null, "region").next());
        assertFalse(md.getImportedKeys("archive", null, "city").next());
    }

    @Test
    void bestRowIdentifierIsThePrimaryKey() throws SQLException {
        assertEquals(List.of("order_id", "seq"), column(md.getBestRowIdentifier("shop", null, "orders",
                DatabaseMetaData.bestRowSession, true), "COLUMN_NAME"));
    }

    @Test
    void typeInfoIsOrderedByDataType() throws SQLException {
        ResultSet rs = md.getTypeInfo();
        assertEquals(18, rs.getMetaData().getColumnCount());
        int previous = Integer.MIN_VALUE;
        List<String> names = new ArrayList<>();
        while (rs.next()) {
            int type = rs.getInt("DATA_TYPE");
            assertTrue(type >= previous, "sorted by DATA_TYPE");
            previous = type;
            names.add(rs.getString("TYPE_NAME"));
        }
        assertTrue(names.containsAll(List.of("INT", "INT UNSIGNED", "VARCHAR", "DATETIME", "DECIMAL", "BLOB")), names.toString());
    }

    @Test
    void metaDataResultsAreDetachedAndScrollable() throws SQLException {
        ResultSet rs = md.getCatalogs();
        assertTrue(rs.last());
        assertTrue(rs.first());
        assertNull(rs.getStatement());
    }
}
