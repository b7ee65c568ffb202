package io.flushdb.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.orm.support.ReferenceServerLifecycle;
import io.flushdb.orm.support.Target;
import io.flushdb.orm.support.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What Hibernate 6 (and schema tools in general) read from {@code DatabaseMetaData} at boot and
 * during schema validation/update: FlushDB's answers, and the same questions put to the reference
 * server through Connector/J, compared answer by answer.
 */
@ExtendWith(ReferenceServerLifecycle.class)
class DatabaseMetaDataTest {
    private static final String TABLE_DDL = "CREATE TABLE shop_item ("
            + "id BIGINT NOT NULL AUTO_INCREMENT, "
            + "sku VARCHAR(20) NOT NULL, "
            + "title VARCHAR(100), "
            + "price DECIMAL(10,2) NOT NULL DEFAULT 0.00, "
            + "stock INT NOT NULL DEFAULT 0, "
            + "added DATETIME(6), "
            + "born DATE, "
            + "active TINYINT(1) NOT NULL, "
            + "notes TEXT, "
            + "PRIMARY KEY (id), "
            + "UNIQUE KEY uk_sku (sku), "
            + "KEY ix_title_price (title, price))";
    /** A child of shop_item: what getImportedKeys / getExportedKeys / getCrossReference describe. */
    private static final String CHILD_DDL = "CREATE TABLE shop_line ("
            + "id BIGINT NOT NULL, "
            + "item_id BIGINT, "
            + "item_sku VARCHAR(20), "
            + "PRIMARY KEY (id), "
            + "CONSTRAINT fk_line_item FOREIGN KEY (item_id) REFERENCES shop_item (id) ON DELETE CASCADE ON UPDATE CASCADE, "
            + "CONSTRAINT fk_line_sku FOREIGN KEY (item_sku) REFERENCES shop_item (sku) ON DELETE SET NULL ON UPDATE CASCADE)";

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void identityIsMySqlEightZero(Target target) throws Exception {
        try (TestDatabase db = TestDatabase.create(target); Connection c = db.connect()) {
            DatabaseMetaData md = c.getMetaData();
            assertEquals("MySQL", md.getDatabaseProductName(), "Hibernate's Database.MYSQL matches this name");
            if (target == Target.FLUSHDB) {
                assertTrue(md.getDatabaseProductVersion().startsWith("8.0.36-FlushDB-"), md.getDatabaseProductVersion());
                assertEquals(8, md.getDatabaseMajorVersion());
                assertEquals(0, md.getDatabaseMinorVersion());
                assertFalse(md.getDriverName().startsWith("MariaDB"), "a MariaDB driver name would select MariaDBDialect");
            }
            assertEquals("`", md.getIdentifierQuoteString());
            assertTrue(md.supportsGetGeneratedKeys());
            assertTrue(md.supportsBatchUpdates());
            if (target == Target.FLUSHDB) {
                // Connector/J 9 reads the keywords from INFORMATION_SCHEMA.KEYWORDS.RESERVED, which
                // MariaDB lacks ("Unknown column 'RESERVED'"), so this is asked of FlushDB only.
                assertTrue(md.getSQLKeywords().contains("LIMIT"), md.getSQLKeywords());
            }
            assertEquals(db.database(), c.getCatalog());
            assertEquals(null, c.getSchema());
        }
    }

    /** MySQLDialect reads these once at boot (MySQLServerConfiguration), and ignores a failure silently. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void serverConfigurationProbeAnswers(Target target) throws Exception {
        try (TestDatabase db = TestDatabase.create(target); Connection c = db.connect();
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@character_set_database, @@sql_mode")) {
            assertTrue(rs.next());
            assertEquals("utf8mb4", rs.getString(1));
            assertFalse(rs.getString(2).toLowerCase().contains("no_backslash_escapes"), rs.getString(2));
            assertTrue(rs.getString(2).contains("STRICT_TRANS_TABLES"), rs.getString(2));
        }
    }

    /** The capability answers Hibernate's JdbcEnvironment and ExtractedDatabaseMetaData read. */
    @Test
    void capabilitiesMatchTheReference() throws Exception {
        assertEquals(capabilities(Target.REFERENCE), capabilities(Target.FLUSHDB));
    }

    private static Map<String, Object> capabilities(Target target) throws SQLException {
        try (TestDatabase db = TestDatabase.create(target); Connection c = db.connect()) {
            DatabaseMetaData md = c.getMetaData();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("productName", md.getDatabaseProductName());
            m.put("quote", md.getIdentifierQuoteString());
            m.put("catalogTerm", md.getCatalogTerm());
            m.put("catalogSeparator", md.getCatalogSeparator());
            m.put("catalogAtStart", md.isCatalogAtStart());
            m.put("supportsSchemasInDataManipulation", md.supportsSchemasInDataManipulation());
            m.put("supportsCatalogsInDataManipulation", md.supportsCatalogsInDataManipulation());
            m.put("supportsCatalogsInTableDefinitions", md.supportsCatalogsInTableDefinitions());
            m.put("supportsSchemasInTableDefinitions", md.supportsSchemasInTableDefinitions());
            m.put("supportsNamedParameters", md.supportsNamedParameters());
            m.put("supportsRefCursors", md.supportsRefCursors());
            m.put("supportsScrollInsensitive", md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
            m.put("supportsGetGeneratedKeys", md.supportsGetGeneratedKeys());
            m.put("supportsBatchUpdates", md.supportsBatchUpdates());
            m.put("dataDefinitionIgnoredInTransactions", md.dataDefinitionIgnoredInTransactions());
            m.put("dataDefinitionCausesTransactionCommit", md.dataDefinitionCausesTransactionCommit());
            m.put("sqlStateType", md.getSQLStateType());
            m.put("defaultIsolation", md.getDefaultTransactionIsolation());
            m.put("storesLowerCaseIdentifiers", md.storesLowerCaseIdentifiers());
            m.put("storesUpperCaseIdentifiers", md.storesUpperCaseIdentifiers());
            m.put("storesMixedCaseIdentifiers", md.storesMixedCaseIdentifiers());
            m.put("storesLowerCaseQuotedIdentifiers", md.storesLowerCaseQuotedIdentifiers());
            m.put("storesUpperCaseQuotedIdentifiers", md.storesUpperCaseQuotedIdentifiers());
            m.put("storesMixedCaseQuotedIdentifiers", md.storesMixedCaseQuotedIdentifiers());
            m.put("supportsMixedCaseIdentifiers", md.supportsMixedCaseIdentifiers());
            m.put("supportsMixedCaseQuotedIdentifiers", md.supportsMixedCaseQuotedIdentifiers());
            m.put("supportsTransactions", md.supportsTransactions());
            m.put("supportsSavepoints", md.supportsSavepoints());
            m.put("supportsResultSetHoldability", md.getResultSetHoldability());
            m.put("catalog", c.getCatalog() == null ? null : "<the URL's database>");
            m.put("schema", c.getSchema());
            m.put("isolation", c.getTransactionIsolation());
            m.put("autoCommit", c.getAutoCommit());
            m.put("tableTypesIncludeTable", rows(md.getTableTypes(), "TABLE_TYPE").contains("TABLE_TYPE=TABLE"));
            m.put("schemas", rows(md.getSchemas(), "TABLE_SCHEM"));
            try (Statement st = c.createStatement()) {
                m.put("fetchSize", st.getFetchSize());
            }
            return m;
        }
    }

    /** What schema validation and update read about a table: its columns, keys and indexes. */
    @Test
    void catalogResultsMatchTheReference() throws Exception {
        Map<String, List<String>> reference = catalog(Target.REFERENCE);
        Map<String, List<String>> flushdb = catalog(Target.FLUSHDB);
        for (String key : reference.keySet()) {
            assertEquals(String.join("\n", reference.get(key)), String.join("\n", flushdb.get(key)), key);
        }
    }

    private static Map<String, List<String>> catalog(Target target) throws SQLException {
        try (TestDatabase db = TestDatabase.create(target); Connection c = db.connect()) {
            try (Statement st = c.createStatement()) {
                st.execute(TABLE_DDL);
                st.execute(CHILD_DDL);
            }
            DatabaseMetaData md = c.getMetaData();
            String cat = db.database();
            Map<String, List<String>> m = new LinkedHashMap<>();
            m.put("getTables", rows(md.getTables(cat, null, "shop%", new String[] {"TABLE"}),
                    "TABLE_NAME", "TABLE_TYPE", "TABLE_SCHEM"));
            m.put("getColumns", rows(md.getColumns(cat, null, "shop_item", "%"),
                    "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS",
                    "NULLABLE", "IS_NULLABLE", "ORDINAL_POSITION", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN"));
            m.put("getPrimaryKeys", rows(md.getPrimaryKeys(cat, null, "shop_item"), "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
            m.put("getIndexInfo", rows(md.getIndexInfo(cat, null, "shop_item", false, true),
                    "NON_UNIQUE", "INDEX_NAME", "TYPE", "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC"));
            m.put("getImportedKeys", rows(md.getImportedKeys(cat, null, "shop_item"), "PKTABLE_NAME", "FKCOLUMN_NAME"));
            String[] keyColumns = {"PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ",
                "UPDATE_RULE", "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY"};
            m.put("getImportedKeys of a child", rows(md.getImportedKeys(cat, null, "shop_line"), keyColumns));
            String[] withoutPkName = {"PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ",
                "UPDATE_RULE", "DELETE_RULE", "FK_NAME", "DEFERRABILITY"};
            m.put("getExportedKeys of a parent", sorted(rows(md.getExportedKeys(cat, null, "shop_item"),
                    withoutPkName)));
            m.put("getCrossReference", sorted(rows(md.getCrossReference(cat, null, "shop_item", cat, null, "shop_line"),
                    withoutPkName)));
            m.put("getTables of the catalog only", rows(md.getTables(cat, null, "%", null), "TABLE_NAME"));
            return m;
        }
    }

    /**
     * The distinct rows, sorted. Against MariaDB, Connector/J's getExportedKeys and
     * getCrossReference queries pair every
     * column of the parent's constraints with every constraint's PK_NAME (its join to
     * REFERENTIAL_CONSTRAINTS matches more than the one constraint), so the reference answers each
     * column pair once per constraint, in the server's order; without PK_NAME the distinct rows
     * are what MySQL 8.0 answers.
     */
    private static List<String> sorted(List<String> rows) {
        return rows.stream().distinct().sorted().toList();
    }

    private static List<String> rows(ResultSet rs, String... columns) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (String column : columns) {
                    row.append(column).append('=').append(rs.getString(column)).append(' ');
                }
                out.add(row.toString().strip());
            }
        }
        return out;
    }
}
