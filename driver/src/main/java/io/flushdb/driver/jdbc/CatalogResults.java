package io.flushdb.driver.jdbc;

import io.flushdb.sql.catalog.CatalogView;
import io.flushdb.sql.types.MySqlType;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code DatabaseMetaData} result sets built from the engine's catalog ({@link CatalogView}),
 * with exactly the column names and order JDBC specifies. MySQL's databases are catalogs: a null
 * catalog argument means every database, schema arguments are ignored and {@code TABLE_SCHEM} is
 * null (Connector/J's {@code databaseTerm=CATALOG}). Catalog and table arguments that are names
 * match exactly; patterns use LIKE's {@code %} and {@code _} with {@code \} as escape; names are
 * case-sensitive, as in MySQL on Linux ({@code lower_case_table_names=0}).
 *
 * <p>FlushDB has base tables only (no views, foreign keys, procedures or privileges yet), so those
 * results are empty with the right columns.
 */
final class CatalogResults {
    static final String TABLES = "TABLE_CAT s, TABLE_SCHEM s, TABLE_NAME s, TABLE_TYPE s, REMARKS s, TYPE_CAT s, "
            + "TYPE_SCHEM s, TYPE_NAME s, SELF_REFERENCING_COL_NAME s, REF_GENERATION s";
    static final String COLUMNS = "TABLE_CAT s, TABLE_SCHEM s, TABLE_NAME s, COLUMN_NAME s, DATA_TYPE i, TYPE_NAME s, "
            + "COLUMN_SIZE i, BUFFER_LENGTH i, DECIMAL_DIGITS i, NUM_PREC_RADIX i, NULLABLE i, REMARKS s, COLUMN_DEF s, "
            + "SQL_DATA_TYPE i, SQL_DATETIME_SUB i, CHAR_OCTET_LENGTH i, ORDINAL_POSITION i, IS_NULLABLE s, "
            + "SCOPE_CATALOG s, SCOPE_SCHEMA s, SCOPE_TABLE s, SOURCE_DATA_TYPE h, IS_AUTOINCREMENT s, "
            + "IS_GENERATEDCOLUMN s";
    static final String PRIMARY_KEYS = "TABLE_CAT s, TABLE_SCHEM s, TABLE_NAME s, COLUMN_NAME s, KEY_SEQ h, PK_NAME s";
    static final String INDEX_INFO = "TABLE_CAT s, TABLE_SCHEM s, TABLE_NAME s, NON_UNIQUE b, INDEX_QUALIFIER s, "
            + "INDEX_NAME s, TYPE h, ORDINAL_POSITION h, COLUMN_NAME s, ASC_OR_DESC s, CARDINALITY l, PAGES l, "
            + "FILTER_CONDITION s";
    static final String KEYS = "PKTABLE_CAT s, PKTABLE_SCHEM s, PKTABLE_NAME s, PKCOLUMN_NAME s, FKTABLE_CAT s, "
            + "FKTABLE_SCHEM s, FKTABLE_NAME s, FKCOLUMN_NAME s, KEY_SEQ h, UPDATE_RULE h, DELETE_RULE h, FK_NAME s, "
            + "PK_NAME s, DEFERRABILITY h";
    static final String BEST_ROW = "SCOPE h, COLUMN_NAME s, DATA_TYPE i, TYPE_NAME s, COLUMN_SIZE i, BUFFER_LENGTH i, "
            + "DECIMAL_DIGITS h, PSEUDO_COLUMN h";
    static final String CATALOGS = "TABLE_CAT s";
    static final String SCHEMAS = "TABLE_SCHEM s, TABLE_CATALOG s";
    static final String TABLE_TYPES = "TABLE_TYPE s";
    static final String PROCEDURES = "PROCEDURE_CAT s, PROCEDURE_SCHEM s, PROCEDURE_NAME s, RESERVED1 s, RESERVED2 s, "
            + "RESERVED3 s, REMARKS s, PROCEDURE_TYPE h, SPECIFIC_NAME s";
    static final String PROCEDURE_COLUMNS = "PROCEDURE_CAT s, PROCEDURE_SCHEM s, PROCEDURE_NAME s, COLUMN_NAME s, "
            + "COLUMN_TYPE h, DATA_TYPE i, TYPE_NAME s, PRECISION i, LENGTH i, SCALE h, RADIX h, NULLABLE h, REMARKS s, "
            + "COLUMN_DEF s, SQL_DATA_TYPE i, SQL_DATETIME_SUB i, CHAR_OCTET_LENGTH i, ORDINAL_POSITION i, "
            + "IS_NULLABLE s, SPECIFIC_NAME s";
    static final String FUNCTIONS = "FUNCTION_CAT s, FUNCTION_SCHEM s, FUNCTION_NAME s, REMARKS s, FUNCTION_TYPE h, "
            + "SPECIFIC_NAME s";
    static final String FUNCTION_COLUMNS = "FUNCTION_CAT s, FUNCTION_SCHEM s, FUNCTION_NAME s, COLUMN_NAME s, "
            + "COLUMN_TYPE h, DATA_TYPE i, TYPE_NAME s, PRECISION i, LENGTH i, SCALE h, RADIX h, NULLABLE h, REMARKS s, "
            + "CHAR_OCTET_LENGTH i, ORDINAL_POSITION i, IS_NULLABLE s, SPECIFIC_NAME s";
    static final String COLUMN_PRIVILEGES = "TABLE_CAT s, TABLE_SCHEM s, TABLE_NAME s, COLUMN_NAME s, GRANTOR s, "
            + "GRANTEE s, PRIVILEGE s, IS_GRANTABLE s";
    static final String TABLE_PRIVILEGES = "TABLE_CAT s, TABLE_SCHEM s, TABLE_NAME s, GRANTOR s, GRANTEE s, "
            + "PRIVILEGE s, IS_GRANTABLE s";
    static final String VERSION_COLUMNS = "SCOPE h, COLUMN_NAME s, DATA_TYPE i, TYPE_NAME s, COLUMN_SIZE i, "
            + "BUFFER_LENGTH i, DECIMAL_DIGITS h, PSEUDO_COLUMN h";
    static final String UDTS = "TYPE_CAT s, TYPE_SCHEM s, TYPE_NAME s, CLASS_NAME s, DATA_TYPE i, REMARKS s, BASE_TYPE h";
    static final String SUPER_TYPES = "TYPE_CAT s, TYPE_SCHEM s, TYPE_NAME s, SUPERTYPE_CAT s, SUPERTYPE_SCHEM s, "
            + "SUPERTYPE_NAME s";
    static final String SUPER_TABLES = "TABLE_CAT s, TABLE_SCHEM s, TABLE_NAME s, SUPERTABLE_NAME s";
    static final String ATTRIBUTES = "TYPE_CAT s, TYPE_SCHEM s, TYPE_NAME s, ATTR_NAME s, DATA_TYPE i, ATTR_TYPE_NAME s, "
            + "ATTR_SIZE i, DECIMAL_DIGITS i, NUM_PREC_RADIX i, NULLABLE i, REMARKS s, ATTR_DEF s, SQL_DATA_TYPE i, "
            + "SQL_DATETIME_SUB i, CHAR_OCTET_LENGTH i, ORDINAL_POSITION i, IS_NULLABLE s, SCOPE_CATALOG s, "
            + "SCOPE_SCHEMA s, SCOPE_TABLE s, SOURCE_DATA_TYPE h";
    static final String CLIENT_INFO = "NAME s, MAX_LEN i, DEFAULT_VALUE s, DESCRIPTION s";
    static final String PSEUDO_COLUMNS = "TABLE_CAT s, TABLE_SCHEM s, TABLE_NAME s, COLUMN_NAME s, DATA_TYPE i, "
            + "COLUMN_SIZE i, DECIMAL_DIGITS i, NUM_PREC_RADIX i, COLUMN_USAGE s, REMARKS s, CHAR_OCTET_LENGTH i, "
            + "IS_NULLABLE s";

    /** Bytes per character of the default character set, utf8mb4. */
    private static final int MAX_BYTES_PER_CHAR = 4;

    private final CatalogView catalog;

    CatalogResults(CatalogView catalog) {
        this.catalog = catalog;
    }

    private List<String> databases(String catalogName) {
        List<String> out = new ArrayList<>();
        for (String db : catalog.databases()) {
            if (catalogName == null || catalogName.equals(db)) {
                out.add(db);
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    MetaResult catalogs() {
        MetaResult r = MetaResult.of(CATALOGS);
        for (String db : databases(null)) {
            r.row(db);
        }
        return r;
    }

    MetaResult tables(String catalogName, String tablePattern, String[] types) {
        MetaResult r = MetaResult.of(TABLES);
        if (types != null && !includesTable(types)) {
            return r;
        }
        Pattern p = like(tablePattern);
        for (String db : databases(catalogName)) {
            List<CatalogView.Table> tables = new ArrayList<>(catalog.tables(db));
            tables.sort(Comparator.comparing(CatalogView.Table::name));
            for (CatalogView.Table t : tables) {
                if (p.matcher(t.name()).matches()) {
                    r.row(db, null, t.name(), "TABLE", t.comment() == null ? "" : t.comment(), null, null, null, null,
                            null);
                }
            }
        }
        return r;
    }

    private static boolean includesTable(String[] types) {
        for (String t : types) {
            if ("TABLE".equalsIgnoreCase(t) || "BASE TABLE".equalsIgnoreCase(t)) {
                return true;
            }
        }
        return false;
    }

    MetaResult columns(String catalogName, String tablePattern, String columnPattern) {
        MetaResult r = MetaResult.of(COLUMNS);
        Pattern tp = like(tablePattern);
        Pattern cp = like(columnPattern);
        for (String db : databases(catalogName)) {
            for (CatalogView.Table t : sortedTables(db, tp)) {
                for (CatalogView.Column c : catalog.columns(db, t.name())) {
                    if (!cp.matcher(c.name()).matches()) {
                        continue;
                    }
                    r.row(db, null, t.name(), c.name(), c.type().jdbcType(), c.type().typeName(), columnSize(c), 65535,
                            decimalDigits(c), 10, c.nullable() ? DatabaseMetaData.columnNullable
                                    : DatabaseMetaData.columnNoNulls,
                            c.comment() == null ? "" : c.comment(), c.defaultValue(), 0, 0, charOctetLength(c),
                            c.ordinal(), c.nullable() ? "YES" : "NO", null, null, null, null,
                            c.autoIncrement() ? "YES" : "NO", "NO");
                }
            }
        }
        return r;
    }

    MetaResult primaryKeys(String catalogName, String table) {
        MetaResult r = MetaResult.of(PRIMARY_KEYS);
        for (String db : databases(catalogName)) {
            List<String> pk = catalog.primaryKey(db, table);
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < pk.size(); i++) {
                rows.add(new Object[] {db, null, table, pk.get(i), i + 1, "PRIMARY"});
            }
            rows.sort(Comparator.comparing(row -> (String) row[3]));
            rows.forEach(r::row);
        }
        return r;
    }

    /**
     * getImportedKeys, getExportedKeys and getCrossReference, answered as Connector/J answers them
     * from information_schema: one row per column pair, PKTABLE_CAT/FKTABLE_CAT the databases,
     * rules mapped from MySQL's names (NO ACTION to importedKeyNoAction), FK_NAME the constraint,
     * PK_NAME the parent's index, DEFERRABILITY importedKeyNotDeferrable. A null catalog means
     * any database. Imported keys are ordered by parent table and KEY_SEQ, the others by child
     * table and KEY_SEQ.
     */
    MetaResult foreignKeys(String pkCatalog, String pkTable, String fkCatalog, String fkTable, boolean byParent) {
        MetaResult r = MetaResult.of(KEYS);
        List<CatalogView.ForeignKeyColumn> rows = new ArrayList<>();
        for (CatalogView.ForeignKeyColumn k : catalog.foreignKeyColumns()) {
            if ((pkCatalog == null || pkCatalog.equals(k.pkDatabase())) && (pkTable == null || pkTable.equals(k.pkTable()))
                    && (fkCatalog == null || fkCatalog.equals(k.fkDatabase()))
                    && (fkTable == null || fkTable.equals(k.fkTable()))) {
                rows.add(k);
            }
        }
        Comparator<CatalogView.ForeignKeyColumn> order = byParent
                ? Comparator.comparing(CatalogView.ForeignKeyColumn::pkDatabase)
                        .thenComparing(CatalogView.ForeignKeyColumn::pkTable)
                : Comparator.comparing(CatalogView.ForeignKeyColumn::fkDatabase)
                        .thenComparing(CatalogView.ForeignKeyColumn::fkTable);
        rows.sort(order.thenComparing(CatalogView.ForeignKeyColumn::fkName)
                .thenComparingInt(CatalogView.ForeignKeyColumn::seq));
        for (CatalogView.ForeignKeyColumn k : rows) {
            r.row(k.pkDatabase(), null, k.pkTable(), k.pkColumn(), k.fkDatabase(), null, k.fkTable(), k.fkColumn(),
                    k.seq(), rule(k.updateRule()), rule(k.deleteRule()), k.fkName(), k.pkName(),
                    DatabaseMetaData.importedKeyNotDeferrable);
        }
        return r;
    }

    private static int rule(String rule) {
        return switch (rule) {
            case "CASCADE" -> DatabaseMetaData.importedKeyCascade;
            case "SET NULL" -> DatabaseMetaData.importedKeySetNull;
            case "SET DEFAULT" -> DatabaseMetaData.importedKeySetDefault;
            case "RESTRICT" -> DatabaseMetaData.importedKeyRestrict;
            default -> DatabaseMetaData.importedKeyNoAction;
        };
    }

    MetaResult indexInfo(String catalogName, String table, boolean uniqueOnly) {
        MetaResult r = MetaResult.of(INDEX_INFO);
        for (String db : databases(catalogName)) {
            List<CatalogView.IndexColumn> columns = new ArrayList<>(catalog.indexColumns(db, table));
            columns.removeIf(c -> uniqueOnly && !c.unique());
            columns.sort(Comparator.comparing((CatalogView.IndexColumn c) -> c.unique() ? 0 : 1)
                    .thenComparing(CatalogView.IndexColumn::index).thenComparingInt(CatalogView.IndexColumn::seq));
            for (CatalogView.IndexColumn c : columns) {
                r.row(db, null, table, !c.unique(), db, c.index(), DatabaseMetaData.tableIndexOther, c.seq(), c.column(),
                        "A", 0L, 0L, null);
            }
        }
        return r;
    }

    /** The primary key, which identifies a row for the session's lifetime. */
    MetaResult bestRowIdentifier(String catalogName, String table) {
        MetaResult r = MetaResult.of(BEST_ROW);
        for (String db : databases(catalogName)) {
            List<String> pk = catalog.primaryKey(db, table);
            for (CatalogView.Column c : catalog.columns(db, table)) {
                if (pk.contains(c.name())) {
                    r.row(DatabaseMetaData.bestRowSession, c.name(), c.type().jdbcType(), c.type().typeName(),
                            columnSize(c), 65535, decimalDigits(c), DatabaseMetaData.bestRowNotPseudo);
                }
            }
        }
        return r;
    }

    private List<CatalogView.Table> sortedTables(String db, Pattern tablePattern) {
        List<CatalogView.Table> out = new ArrayList<>();
        for (CatalogView.Table t : catalog.tables(db)) {
            if (tablePattern.matcher(t.name()).matches()) {
                out.add(t);
            }
        }
        out.sort(Comparator.comparing(CatalogView.Table::name));
        return out;
    }

    /** COLUMN_SIZE: digits for numbers, characters for strings, bytes for binary, display width for temporals. */
    static int columnSize(CatalogView.Column c) {
        MySqlType t = c.type();
        if (t.isInteger() || t == MySqlType.BIT) {
            return (int) TypeInfo.precision(t);
        }
        if (t == MySqlType.DECIMAL || t == MySqlType.DECIMAL_UNSIGNED) {
            Matcher m = Pattern.compile("\\((\\d+)").matcher(c.columnType());
            return m.find() ? Integer.parseInt(m.group(1)) : 10;
        }
        if (t == MySqlType.TIME) {
            return 8 + (c.scale() > 0 ? c.scale() + 1 : 0);
        }
        if (t == MySqlType.DATETIME || t == MySqlType.TIMESTAMP) {
            return 19 + (c.scale() > 0 ? c.scale() + 1 : 0);
        }
        if (t == MySqlType.DATE || t.isString() || t.isBinary()) {
            return (int) Math.min(Integer.MAX_VALUE, c.length());
        }
        return (int) TypeInfo.precision(t);
    }

    /**
     * As Connector/J with its default {@code useInformationSchema=false}, which reads the digits
     * from {@code SHOW FULL COLUMNS}' type text: the scale of a DECIMAL ({@code decimal(10,2)}),
     * and null for every other type, integers and fractional-second temporals included.
     */
    private static Integer decimalDigits(CatalogView.Column c) {
        MySqlType t = c.type();
        if (t == MySqlType.DECIMAL || t == MySqlType.DECIMAL_UNSIGNED) {
            return c.scale();
        }
        return null;
    }

    private static Integer charOctetLength(CatalogView.Column c) {
        if (c.type().isString()) {
            return (int) Math.min(Integer.MAX_VALUE, c.length() * MAX_BYTES_PER_CHAR);
        }
        if (c.type().isBinary()) {
            return (int) Math.min(Integer.MAX_VALUE, c.length());
        }
        return null;
    }

    /** A LIKE pattern ({@code %}, {@code _}, {@code \} escapes) as a regex; null matches everything. */
    static Pattern like(String pattern) {
        if (pattern == null) {
            return Pattern.compile("(?s).*");
        }
        StringBuilder re = new StringBuilder("(?s)");
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
