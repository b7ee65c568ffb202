package io.flushdb.sql.exec;

import io.flushdb.sql.catalog.ColumnDescription;
import io.flushdb.sql.catalog.KeyPartDescription;
import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.infoschema.InfoSchemaTable;
import io.flushdb.sql.infoschema.SystemDatabase;
import io.flushdb.sql.parse.MySqlParser;
import io.flushdb.sql.parse.SqlText;
import io.flushdb.sql.plan.CompiledQuery;
import io.flushdb.sql.plan.rel.BTreeIndexScan;
import io.flushdb.sql.plan.rel.BTreeTableScan;
import io.flushdb.sql.route.ParsedStatement;
import io.flushdb.sql.route.StatementRouter;
import io.flushdb.sql.session.Names;
import io.flushdb.sql.session.Session;
import io.flushdb.sql.types.ColumnTypes;
import io.flushdb.sql.types.MySqlType;
import io.flushdb.storage.btree.CorruptIndexException;
import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.DatabaseDef;
import io.flushdb.storage.dict.Dictionary;
import io.flushdb.storage.dict.IndexDef;
import io.flushdb.storage.dict.TableDef;
import io.flushdb.storage.dict.TableEntry;
import io.flushdb.storage.page.CorruptPageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Select;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;

/**
 * SHOW DATABASES / TABLES / [FULL] COLUMNS / INDEX / CREATE TABLE / WARNINGS, DESCRIBE, and
 * EXPLAIN, answered from the dictionary and the compiled plan with MySQL's column names.
 */
public final class ShowExecutor {
    private final Session session;
    private final StatementRouter router;
    private final Dictionary dictionary;

    public ShowExecutor(Session session, StatementRouter router) {
        this.session = session;
        this.router = router;
        this.dictionary = session.engine().storage().dictionary();
    }

    private static ColumnMeta text(String label) {
        return ColumnMeta.expression(label, MySqlType.VARCHAR, 64, 0, true);
    }

    private static ColumnMeta number(String label) {
        return ColumnMeta.expression(label, MySqlType.BIGINT, 21, 0, true);
    }

    public StatementResult execute(ParsedStatement p, Object[] params) {
        String sql = p.sql();
        List<String> w = SqlText.leadingWords(sql, 8);
        String w0 = w.get(0);
        if (w0.equals("EXPLAIN") || ((w0.equals("DESC") || w0.equals("DESCRIBE")) && w.size() > 1
                && (w.get(1).equals("SELECT") || w.get(1).equals("(")))) {
            return explain(sql.substring(sql.toUpperCase(Locale.ROOT).indexOf(w0) + w0.length()), params);
        }
        if (w0.equals("DESC") || w0.equals("DESCRIBE")) {
            return columns(describedAfter(sql, 1), false);
        }
        if (w0.equals("CHECK")) {
            return checkTables(sql);
        }
        String w1 = w.size() > 1 ? w.get(1) : "";
        if (io.flushdb.sql.status.StatusVariables.isShowStatus(w)) {
            return io.flushdb.sql.status.StatusVariables.show(session, sql);
        }
        if (w1.equals("ENGINE")) {
            return session.engine().engineStatusReport().show(session, w);
        }
        boolean scoped = w1.equals("GLOBAL") || w1.equals("SESSION") || w1.equals("LOCAL");
        if (w.size() > (scoped ? 2 : 1) && w.get(scoped ? 2 : 1).equals("VARIABLES")) {
            return variables(sql, w1.equals("GLOBAL"));
        }
        switch (w1) {
            case "DATABASES", "SCHEMAS" -> {
                List<Object[]> rows = new ArrayList<>();
                String like = likePattern(sql);
                for (SystemDatabase system : SystemDatabase.all()) {
                    rows.add(new Object[] {system.name()});
                }
                for (DatabaseDef d : dictionary.databases()) {
                    rows.add(new Object[] {d.name()});
                }
                rows.removeIf(r -> like != null && !Like.matches((String) r[0], like));
                rows.sort((a, b) -> ((String) a[0]).compareTo((String) b[0]));
                return StatementResult.rows(List.of(text(like == null ? "Database" : "Database (" + like + ")")), rows, 0);
            }
            case "TABLES", "FULL" -> {
                if (w1.equals("FULL") && !(w.size() > 2 && w.get(2).equals("TABLES"))) {
                    if (w.size() > 2 && (w.get(2).equals("COLUMNS") || w.get(2).equals("FIELDS"))) {
                        return columns(describedAfter(sql, 4), true);
                    }
                    throw MySqlError.ER_PARSE_ERROR.raise(sql, 1);
                }
                return tables(sql, w1.equals("FULL"));
            }
            case "COLUMNS", "FIELDS" -> {
                return columns(describedAfter(sql, 3), false);
            }
            case "INDEX", "INDEXES", "KEYS" -> {
                return indexes(tableAfter(sql, 3));
            }
            case "CREATE" -> {
                if (w.size() > 2 && w.get(2).equals("TABLE")) {
                    Names.TableName n = nameAfter(sql, 3);
                    io.flushdb.storage.dict.ViewDef view = dictionary.view(n.database(), n.table());
                    if (view != null) {
                        return createView(view); // MySQL answers SHOW CREATE TABLE of a view as SHOW CREATE VIEW
                    }
                    return createTable(tableAfter(sql, 3));
                }
                if (w.size() > 2 && w.get(2).equals("VIEW")) {
                    Names.TableName n = nameAfter(sql, 3);
                    io.flushdb.storage.dict.ViewDef view = dictionary.view(n.database(), n.table());
                    if (view == null) {
                        if (dictionary.table(n.database(), n.table()) != null) {
                            throw MySqlError.ER_WRONG_OBJECT.raise(n.database(), n.table(), "VIEW");
                        }
                        throw MySqlError.ER_NO_SUCH_TABLE.raise(n.database(), n.table());
                    }
                    return createView(view);
                }
                if (w.size() > 2 && (w.get(2).equals("DATABASE") || w.get(2).equals("SCHEMA"))) {
                    String db = SqlText.unquote(rawWords(sql).get(3));
                    if (dictionary.database(db) == null) {
                        throw MySqlError.ER_BAD_DB_ERROR.raise(db);
                    }
                    return StatementResult.rows(List.of(text("Database"), text("Create Database")),
                            List.<Object[]>of(new Object[] {db, "CREATE DATABASE `" + db
                                    + "` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE "
                                    + dictionary.database(db).defaultCollation().mysqlName() + " */ /*!80016 DEFAULT ENCRYPTION='N' */"}), 0);
                }
                throw MySqlError.ER_NOT_SUPPORTED_YET.raise(sql);
            }
            case "WARNINGS", "ERRORS" -> {
                List<Object[]> rows = new ArrayList<>();
                for (SqlWarning warning : session.warnings()) {
                    if (w1.equals("ERRORS") && !warning.level().equals("Error")) {
                        continue;
                    }
                    rows.add(new Object[] {warning.level(), (long) warning.code(), warning.message()});
                }
                return StatementResult.rows(List.of(text("Level"),
                        ColumnMeta.expression("Code", MySqlType.INT_UNSIGNED, 4, 0, false), text("Message")), rows, 0);
            }
            default -> throw MySqlError.ER_NOT_SUPPORTED_YET.raise(sql.length() > 60 ? sql.substring(0, 60) : sql);
        }
    }

    /**
     * CHECK TABLE t [, t2 ...] [QUICK | FAST | MEDIUM | EXTENDED | CHANGED | FOR UPGRADE]: walks
     * every index of each table (page structure, key order, that each secondary index holds
     * exactly the rows' entries) under a shared table lock. One row per table as MySQL: status
     * OK, or the problem found and then "Corrupt"; a missing table is reported, not raised.
     */
    private StatementResult checkTables(String sql) {
        String list = SqlText.trim(sql).replaceFirst("(?is)^CHECK\\s+TABLES?\\s+", "")
                .replaceFirst("(?is)(\\s+(QUICK|FAST|MEDIUM|EXTENDED|CHANGED|FOR\\s+UPGRADE))+\\s*$", "");
        List<Object[]> rows = new ArrayList<>();
        for (String raw : list.split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) {
                throw MySqlError.ER_PARSE_ERROR.raise(list, 1);
            }
            Names.TableName n = Names.resolve(table(name, null), session);
            String label = n.database() + "." + n.table();
            TableEntry e = dictionary.table(n.database(), n.table());
            if (e == null) {
                rows.add(new Object[] {label, "check", "Error",
                    String.format(MySqlError.ER_NO_SUCH_TABLE.template, n.database(), n.table())});
                rows.add(new Object[] {label, "check", "status", "Operation failed"});
                continue;
            }
            router.inStatement(Set.of(n), null, 0, Set.of(), false, () -> {
                // A table S lock: waits for the transactions writing the table, and keeps writers out.
                session.transaction().lockTable(e.def().id(), io.flushdb.storage.trx.lock.LockMode.S);
                try {
                    e.store().check();
                    rows.add(new Object[] {label, "check", "status", "OK"});
                } catch (CorruptIndexException | CorruptPageException bad) {
                    rows.add(new Object[] {label, "check", "error", bad.getMessage()});
                    rows.add(new Object[] {label, "check", "error", "Corrupt"});
                }
                return null;
            });
        }
        // Msg_text is 128K characters in MySQL, so clients see a MEDIUMTEXT.
        return StatementResult.rows(List.of(text("Table"), text("Op"), text("Msg_type"),
                ColumnMeta.expression("Msg_text", MySqlType.MEDIUMTEXT, 131_072, 0, true)), rows, 0);
    }

    /** The words of the statement as written. */
    private static List<String> rawWords(String sql) {
        List<String> out = new ArrayList<>();
        String s = SqlText.trim(sql);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '`' || c == '\'' || c == '"') {
                i++;
                while (i < s.length() && s.charAt(i) != c) {
                    i++;
                }
                i++;
            } else {
                while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
            }
            out.add(s.substring(start, Math.min(i, s.length())));
        }
        return out;
    }

    /**
     * The table named by word {@code index} of the statement (counting from 0), with an optional
     * "FROM db" / "IN db" after it.
     */
    private TableEntry tableAfter(String sql, int index) {
        return Names.existing(nameAfter(sql, index), session);
    }

    /** The name of the table named by word {@code index} of the statement, as {@link #tableAfter} reads it. */
    private Names.TableName nameAfter(String sql, int index) {
        List<String> words = rawWords(sql);
        if (index >= words.size()) {
            throw MySqlError.ER_PARSE_ERROR.raise("", 1);
        }
        String name = words.get(index);
        String db = null;
        if (words.size() > index + 2
                && (words.get(index + 1).equalsIgnoreCase("FROM") || words.get(index + 1).equalsIgnoreCase("IN"))) {
            db = SqlText.unquote(words.get(index + 2));
        }
        return Names.resolve(table(name, db), session);
    }

    /** A table reference as written ({@code t}, {@code db.t}, {@code `d`.`t`}); {@code db} if it has none. */
    private static Table table(String name, String db) {
        int dot = name.indexOf("`.`") >= 0 ? name.indexOf("`.`") + 1 : name.startsWith("`") ? -1 : name.indexOf('.');
        if (dot > 0) {
            return new Table(name.substring(0, dot), name.substring(dot + 1));
        }
        return db == null ? new Table(name) : new Table(db, name);
    }

    /** SHOW [GLOBAL|SESSION] VARIABLES [LIKE 'pattern' | WHERE condition]. */
    private StatementResult variables(String sql, boolean global) {
        List<ColumnMeta> columns = List.of(text("Variable_name"),
                ColumnMeta.expression("Value", MySqlType.VARCHAR, 1024, 0, true));
        String where = whereCondition(sql);
        if (where != null) {
            String q = "SELECT * FROM (SELECT VARIABLE_NAME AS Variable_name, VARIABLE_VALUE AS `Value` FROM "
                    + "information_schema." + (global ? "GLOBAL_VARIABLES" : "SESSION_VARIABLES") + ") AS v WHERE "
                    + where + " ORDER BY Variable_name";
            StatementResult r = router.execute(router.parse(q), new Object[0]);
            return StatementResult.rows(columns, r.rows(), 0);
        }
        String like = likePattern(sql);
        List<Object[]> rows = io.flushdb.sql.vars.Variables.rows(session, global);
        if (like != null) {
            // Variable names are lower case; MySQL matches them case-insensitively.
            String lower = like.toLowerCase(Locale.ROOT);
            rows.removeIf(r -> !Like.matches((String) r[0], lower));
        }
        return StatementResult.rows(columns, rows, 0);
    }

    /** The text after a top-level WHERE of a SHOW statement, or null. */
    private static String whereCondition(String sql) {
        List<String> words = SqlText.leadingWords(sql, 5);
        int at = words.indexOf("WHERE");
        if (at < 0) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?is)\\bWHERE\\b").matcher(sql);
        return m.find() ? SqlText.trim(sql.substring(m.end())) : null;
    }

    private static String likePattern(String sql) {
        List<String> words = rawWords(sql);
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equalsIgnoreCase("LIKE")) {
                String p = words.get(i + 1);
                return p.length() >= 2 ? p.substring(1, p.length() - 1) : p;
            }
        }
        return null;
    }

    private StatementResult tables(String sql, boolean full) {
        List<String> words = rawWords(sql);
        String db = session.database();
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equalsIgnoreCase("FROM") || words.get(i).equalsIgnoreCase("IN")) {
                db = SqlText.unquote(words.get(i + 1));
            }
        }
        if (db == null) {
            throw MySqlError.ER_NO_DB_ERROR.raise();
        }
        SystemDatabase system = SystemDatabase.named(db);
        boolean systemViews = system != null;
        if (systemViews) {
            db = system.name();
        } else if (dictionary.database(db) == null) {
            throw MySqlError.ER_BAD_DB_ERROR.raise(db);
        }
        String like = likePattern(sql);
        List<Object[]> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (systemViews) {
            for (InfoSchemaTable t : system.tables()) {
                names.add(t.name());
            }
        } else {
            for (TableEntry e : dictionary.tables(db)) {
                names.add(e.def().name());
            }
            for (io.flushdb.storage.dict.ViewDef v : dictionary.views(db)) {
                names.add(v.name());
            }
            names.sort(null);
        }
        final String database = db;
        for (String name : names) {
            // A system database's names match case-insensitively, as on every MySQL.
            if (like == null || Like.matches(systemViews ? name.toUpperCase(Locale.ROOT) : name,
                    systemViews ? like.toUpperCase(Locale.ROOT) : like)) {
                String type = systemViews ? system.tableType()
                        : dictionary.view(database, name) != null ? "VIEW" : "BASE TABLE";
                rows.add(full ? new Object[] {name, type} : new Object[] {name});
            }
        }
        List<ColumnMeta> cols = new ArrayList<>();
        cols.add(text("Tables_in_" + db + (like == null ? "" : " (" + like + ")")));
        if (full) {
            cols.add(text("Table_type"));
        }
        return StatementResult.rows(cols, rows, 0);
    }

    /**
     * The columns of the table named by word {@code index} of the statement (see
     * {@link #tableAfter}), information_schema's tables included.
     */
    private List<ColumnDescription> describedAfter(String sql, int index) {
        Names.TableName n = nameAfter(sql, index);
        SystemDatabase system = SystemDatabase.named(n.database());
        if (system != null) {
            return ColumnDescription.of(system.table(n.table()).columns(), List.of());
        }
        TableDef def = Names.existing(n, session).def();
        return ColumnDescription.of(def.columns(), def.indexes());
    }

    /** SHOW [FULL] COLUMNS and DESCRIBE: what information_schema.COLUMNS says of each column. */
    private StatementResult columns(List<ColumnDescription> described, boolean full) {
        List<Object[]> rows = new ArrayList<>();
        for (ColumnDescription d : described) {
            String nullable = d.nullable() ? "YES" : "NO";
            if (full) {
                rows.add(new Object[] {d.name(), d.columnType(), d.collationName(), nullable, d.columnKey(),
                    d.defaultText(), d.extra(), d.privileges(), d.comment()});
            } else {
                rows.add(new Object[] {d.name(), d.columnType(), nullable, d.columnKey(), d.defaultText(), d.extra()});
            }
        }
        List<ColumnMeta> cols = full
                ? List.of(text("Field"), text("Type"), text("Collation"), text("Null"), text("Key"), text("Default"),
                        text("Extra"), text("Privileges"), text("Comment"))
                : List.of(text("Field"), text("Type"), text("Null"), text("Key"), text("Default"), text("Extra"));
        return StatementResult.rows(cols, rows, 0);
    }

    /** SHOW INDEX: the rows of information_schema.STATISTICS for the table. */
    private StatementResult indexes(TableEntry e) {
        TableDef def = e.def();
        List<Object[]> rows = new ArrayList<>();
        for (KeyPartDescription k : KeyPartDescription.of(def)) {
            rows.add(new Object[] {def.name(), k.unique() ? 0L : 1L, k.indexName(), (long) k.seq(), k.columnName(), "A",
                null, null, null, k.nullable() ? "YES" : "", "BTREE", "", "", "YES", null});
        }
        return StatementResult.rows(List.of(text("Table"), number("Non_unique"), text("Key_name"), number("Seq_in_index"),
                text("Column_name"), text("Collation"), number("Cardinality"), number("Sub_part"), text("Packed"),
                text("Null"), text("Index_type"), text("Comment"), text("Index_comment"), text("Visible"),
                text("Expression")), rows, 0);
    }

    /**
     * SHOW CREATE VIEW: MySQL's form of the statement, with the options (ALGORITHM, DEFINER, SQL
     * SECURITY) always spelt out. The query is shown as it was written; MySQL shows its own
     * rewrite of it (qualified, back-quoted names and aliases for every column).
     */
    private StatementResult createView(io.flushdb.storage.dict.ViewDef v) {
        StringBuilder sb = new StringBuilder("CREATE ALGORITHM=").append(v.algorithm()).append(" DEFINER=")
                .append(v.definer()).append(" SQL SECURITY ").append(v.security()).append(" VIEW ")
                .append(SqlText.quote(v.name()));
        if (!v.columns().isEmpty()) {
            sb.append(" (");
            for (int i = 0; i < v.columns().size(); i++) {
                sb.append(i == 0 ? "" : ",").append(SqlText.quote(v.columns().get(i)));
            }
            sb.append(")");
        }
        sb.append(" AS ").append(v.query());
        if (!v.checkOption().equals("NONE")) {
            sb.append(" WITH ").append(v.checkOption()).append(" CHECK OPTION");
        }
        return StatementResult.rows(List.of(text("View"), text("Create View"), text("character_set_client"),
                        text("collation_connection")),
                List.<Object[]>of(new Object[] {v.name(), sb.toString(), "utf8mb4", "utf8mb4_0900_ai_ci"}), 0);
    }

    private StatementResult createTable(TableEntry e) {
        TableDef def = e.def();
        StringBuilder sb = new StringBuilder();
        sb.append("CREATE TABLE ").append(SqlText.quote(def.name())).append(" (\n");
        List<String> parts = new ArrayList<>();
        for (ColumnDef c : def.columns()) {
            StringBuilder col = new StringBuilder("  ").append(SqlText.quote(c.name())).append(' ').append(ColumnTypes.columnType(c));
            if (c.collation() != null && c.collation() != def.defaultCollation()
                    && c.type() != io.flushdb.storage.dict.ColumnType.JSON) {
                col.append(" COLLATE ").append(c.collation().mysqlName());
            }
            if (c.isGenerated()) {
                col.append(" GENERATED ALWAYS AS (").append(c.extra().generationExpression()).append(')')
                        .append(c.extra().storedGenerated() ? " STORED" : " VIRTUAL");
            }
            if (!c.nullable()) {
                col.append(" NOT NULL");
            } else if (c.type() == io.flushdb.storage.dict.ColumnType.TIMESTAMP && !c.isGenerated()) {
                col.append(" NULL");
            }
            switch (c.isGenerated() ? ColumnDef.DefaultKind.NONE : c.defaultKind()) {
                case NULL -> {
                    // BLOB and TEXT columns print no DEFAULT NULL; JSON does (its type is not BLOB's).
                    if (!c.type().isLob() || c.type() == io.flushdb.storage.dict.ColumnType.JSON) {
                        col.append(" DEFAULT NULL");
                    }
                }
                case LITERAL -> col.append(" DEFAULT ").append(c.type() == io.flushdb.storage.dict.ColumnType.BIT
                        ? c.defaultValue() : c.type().isInteger() || c.type().encoding()
                        == io.flushdb.storage.dict.ColumnType.Encoding.DECIMAL ? "'" + c.defaultValue() + "'" : "'" + c.defaultValue().replace("'", "''") + "'");
                case CURRENT_TIMESTAMP -> col.append(" DEFAULT CURRENT_TIMESTAMP").append(c.fsp() > 0 ? "(" + c.fsp() + ")" : "");
                default -> {
                }
            }
            if (c.onUpdateCurrentTimestamp()) {
                col.append(" ON UPDATE CURRENT_TIMESTAMP").append(c.fsp() > 0 ? "(" + c.fsp() + ")" : "");
            }
            if (c.autoIncrement()) {
                col.append(" AUTO_INCREMENT");
            }
            if (!c.comment().isEmpty()) {
                col.append(" COMMENT '").append(c.comment().replace("'", "''")).append('\'');
            }
            parts.add(col.toString());
        }
        for (IndexDef ix : def.indexes()) {
            if (ix.kind() == IndexDef.Kind.GENERATED_CLUSTERED) {
                continue;
            }
            List<String> cols = new ArrayList<>();
            for (int c : ix.columns()) {
                cols.add(SqlText.quote(def.columns().get(c).name()));
            }
            String keyCols = "(" + String.join(",", cols) + ")";
            parts.add(switch (ix.kind()) {
                case PRIMARY -> "  PRIMARY KEY " + keyCols;
                case UNIQUE -> "  UNIQUE KEY " + SqlText.quote(ix.name()) + " " + keyCols;
                default -> "  KEY " + SqlText.quote(ix.name()) + " " + keyCols;
            });
        }
        for (io.flushdb.storage.dict.ForeignKeyDef fk : def.foreignKeys()) {
            parts.add("  " + fk.clause(def.database()));
        }
        List<io.flushdb.storage.dict.CheckDef> checks = new ArrayList<>(def.checks());
        checks.sort(java.util.Comparator.comparing(io.flushdb.storage.dict.CheckDef::name)); // MySQL lists them by name
        for (io.flushdb.storage.dict.CheckDef c : checks) {
            parts.add("  CONSTRAINT " + SqlText.quote(c.name()) + " CHECK (" + c.expression() + ")"
                    + (c.enforced() ? "" : " /*!80016 NOT ENFORCED */"));
        }
        sb.append(String.join(",\n", parts)).append("\n) ENGINE=InnoDB");
        long autoInc = e.store().autoIncrementValue();
        if (def.autoIncrementColumn() >= 0 && autoInc > 1) {
            sb.append(" AUTO_INCREMENT=").append(autoInc);
        }
        sb.append(" DEFAULT CHARSET=utf8mb4 COLLATE=").append(def.defaultCollation().mysqlName());
        if (!def.comment().isEmpty()) {
            sb.append(" COMMENT='").append(def.comment().replace("'", "''")).append('\'');
        }
        return StatementResult.rows(List.of(text("Table"), text("Create Table")),
                List.<Object[]>of(new Object[] {def.name(), sb.toString()}), 0);
    }

    private StatementResult explain(String rest, Object[] params) {
        String q = rest.trim();
        boolean tree = false;
        if (q.toUpperCase(Locale.ROOT).startsWith("FORMAT")) {
            int eq = q.indexOf('=');
            String fmt = q.substring(eq + 1).trim().split("\\s+")[0];
            tree = fmt.equalsIgnoreCase("TREE");
            q = q.substring(q.indexOf(fmt) + fmt.length()).trim();
        }
        Statement st = MySqlParser.parse(q);
        if (!(st instanceof Select select)) {
            throw MySqlError.ER_NOT_SUPPORTED_YET.raise("EXPLAIN of statements other than SELECT");
        }
        CompiledQuery plan = router.compile(q, select, SqlText.countParameters(q));
        if (tree) {
            return StatementResult.rows(List.of(text("EXPLAIN")),
                    List.<Object[]>of(new Object[] {RelOptUtil.toString(plan.physicalPlan())}), 0);
        }
        List<Object[]> rows = new ArrayList<>();
        collectScans(plan.physicalPlan(), rows);
        return StatementResult.rows(List.of(number("id"), text("select_type"), text("table"), text("partitions"),
                text("type"), text("possible_keys"), text("key"), text("key_len"), text("ref"), number("rows"),
                ColumnMeta.expression("filtered", MySqlType.DOUBLE, 22, 31, true), text("Extra")), rows, 0);
    }

    private static void collectScans(RelNode rel, List<Object[]> rows) {
        for (RelNode input : rel.getInputs()) {
            collectScans(input, rows);
        }
        if (rel instanceof BTreeTableScan s) {
            TableDef def = s.engineTable().def();
            rows.add(new Object[] {1L, "SIMPLE", def.name(), null, "ALL", null, null, null, null, 10000L, 100.0, null});
        } else if (rel instanceof BTreeIndexScan s) {
            TableDef def = s.engineTable().def();
            rows.add(new Object[] {1L, "SIMPLE", def.name(), null, s.accessType(), s.index().name(), s.index().name(), null,
                s.isPointLookup() ? "const" : null, s.isPointLookup() ? 1L : 100L, 100.0,
                s.isPointLookup() ? null : "Using where"});
        } else if (rel instanceof io.flushdb.sql.plan.rel.SystemViewScan s) {
            // An information_schema table: its rows are produced whole, as a scan.
            rows.add(new Object[] {1L, "SIMPLE", s.view().tableName(), null, "ALL", null, null, null, null,
                (long) io.flushdb.sql.plan.schema.SystemViewTable.ROW_COUNT_ESTIMATE, 100.0, null});
        }
    }

    /** SHOW ... LIKE: MySQL's LIKE (backslash escapes), case-sensitive as names are on Linux. */
    static final class Like {
        private Like() {
        }

        static boolean matches(String s, String pattern) {
            return Boolean.TRUE.equals(io.flushdb.sql.plan.functions.MySqlFunctions.like(s, pattern, "\\",
                    io.flushdb.storage.dict.Collation.UTF8MB4_BIN.id()));
        }
    }
}
