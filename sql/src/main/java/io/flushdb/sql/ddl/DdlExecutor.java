package io.flushdb.sql.ddl;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.exec.SqlWarning;
import io.flushdb.sql.exec.StatementResult;
import io.flushdb.sql.parse.SqlText;
import io.flushdb.sql.session.Names;
import io.flushdb.sql.session.Session;
import io.flushdb.storage.dict.Collation;
import io.flushdb.storage.dict.DatabaseDef;
import io.flushdb.storage.dict.Dictionary;
import io.flushdb.storage.dict.ForeignKeyDef;
import io.flushdb.storage.dict.IndexDef;
import io.flushdb.storage.dict.TableDef;
import io.flushdb.storage.dict.TableEntry;
import io.flushdb.storage.trx.Transaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.truncate.Truncate;

/**
 * Runs DDL statements directly against the dictionary: CREATE/DROP DATABASE, CREATE/DROP TABLE,
 * CREATE/DROP INDEX, TRUNCATE. As in MySQL, DDL first commits the session's open transaction and
 * takes the affected tables' locks exclusively, so no statement uses a table while it changes.
 */
public final class DdlExecutor {
    private final Session session;
    private final Dictionary dictionary;
    /** Evaluates CHECK constraints and generated columns over a table's rows during ALTER TABLE. */
    private final io.flushdb.sql.exec.RowExpressions expressions;

    public DdlExecutor(Session session, io.flushdb.sql.route.StatementRouter router) {
        this.session = session;
        this.dictionary = session.engine().storage().dictionary();
        this.expressions = new io.flushdb.sql.exec.RowExpressions(session, router);
    }

    private long lockTimeoutMillis() {
        return session.variables().metadataLockTimeoutMillis(); // lock_wait_timeout, as MySQL's metadata locks
    }

    /** Runs {@code action} with the tables locked exclusively by a DDL transaction. */
    private StatementResult withTablesLocked(List<TableEntry> tables, java.util.function.Supplier<StatementResult> action) {
        session.commit();
        session.engine().storage().checkWritable();
        Transaction trx = session.transaction();
        try {
            List<TableEntry> sorted = new ArrayList<>(tables);
            sorted.sort(Comparator.comparingLong(e -> e.def().id()));
            for (TableEntry e : sorted) {
                trx.lock(e.lock(), io.flushdb.storage.trx.TableLock.Mode.DDL, false, lockTimeoutMillis());
            }
            return action.get();
        } finally {
            session.commit();
        }
    }

    // ---- databases ----------------------------------------------------------------------------

    public StatementResult createDatabase(String name, boolean ifNotExists, String charset, String collation) {
        Names.checkIdentifier(name, MySqlError.ER_WRONG_DB_NAME);
        if (Names.PERFORMANCE_SCHEMA.equals(Names.systemDatabase(name))) {
            // It exists, as in MySQL: 1007, or a note with IF NOT EXISTS.
            if (!ifNotExists) {
                throw MySqlError.ER_DB_CREATE_EXISTS.raise(name);
            }
            session.addWarning(new SqlWarning("Note", 1007, "Can't create database '" + name + "'; database exists"));
            return StatementResult.updateCount(1, List.of(), 1);
        }
        Names.checkWritable(name);
        Collation c = Collation.UTF8MB4_0900_AI_CI;
        if (charset != null) {
            c = CharsetNames.defaultCollation(charset);
        }
        if (collation != null) {
            c = CharsetNames.collation(collation);
        }
        Collation dc = c;
        return withTablesLocked(List.of(), () -> {
            boolean created = dictionary.createDatabase(name, dc, ifNotExists);
            if (!created) {
                session.addWarning(new SqlWarning("Note", 1007,
                        "Can't create database '" + name + "'; database exists"));
            }
            // MySQL 8.0 reports one row affected even when IF NOT EXISTS found the database.
            return StatementResult.updateCount(1, List.of(), created ? 0 : 1);
        });
    }

    public StatementResult dropDatabase(String name, boolean ifExists) {
        Names.checkWritable(name);
        if (dictionary.database(name) == null) {
            if (ifExists) {
                session.addWarning(new SqlWarning("Note", 1008, "Can't drop database '" + name + "'; database doesn't exist"));
                return StatementResult.updateCount(0, List.of(), 1);
            }
            throw MySqlError.ER_DB_DROP_EXISTS.raise(name);
        }
        return withTablesLocked(dictionary.tables(name), () -> {
            int dropped = dictionary.dropDatabase(name, ifExists);
            if (name.equals(session.database())) {
                session.clearDatabase();
            }
            return StatementResult.updateCount(Math.max(0, dropped), List.of(), 0);
        });
    }

    // ---- tables -------------------------------------------------------------------------------

    /** CREATE TABLE; {@code sql}, the statement's text, is where its FOREIGN KEY clauses are read. */
    public StatementResult createTable(CreateTable ct, String sql) {
        Names.TableName n = Names.resolveForWrite(ct.getTable(), session);
        Names.checkIdentifier(n.table(), MySqlError.ER_WRONG_TABLE_NAME);
        DatabaseDef db = dictionary.database(n.database());
        if (db == null) {
            throw MySqlError.ER_BAD_DB_ERROR.raise(n.database());
        }
        if (dictionary.table(n.database(), n.table()) != null || dictionary.view(n.database(), n.table()) != null) {
            if (ct.isIfNotExists()) {
                session.addWarning(new SqlWarning("Note", 1050, "Table '" + n.table() + "' already exists"));
                return StatementResult.updateCount(0, List.of(), 1);
            }
            throw MySqlError.ER_TABLE_EXISTS_ERROR.raise(n.table());
        }
        List<String> warnings = new ArrayList<>();
        List<ForeignKeySpec> foreignKeys = sql == null || ct.getLikeTable() != null ? List.of()
                : AlterTableHandler.foreignKeysOfCreate(sql);
        TableDef built = ct.getLikeTable() != null ? likeTemplate(ct, n)
                : CreateTableHandler.build(ct, n.database(), n.table(), db.defaultCollation(),
                        session.engine().storage().pageSize(), warnings, foreignKeys);
        TableDef template = foreignKeys.isEmpty() ? built : built.withConstraints(
                ForeignKeyResolver.resolve(built, List.of(), foreignKeys, dictionary, foreignKeyChecks()), built.checks());
        return withTablesLocked(withParents(List.of(), template.foreignKeys()), () -> {
            checkNamesFree(template, null);
            dictionary.createTable(template);
            for (String w : warnings) {
                session.addWarning(new SqlWarning("Warning", 1266, w));
            }
            return StatementResult.updateCount(0, List.of(), warnings.size());
        });
    }

    /**
     * CREATE TABLE ... LIKE: the source's columns, indexes, collation and comment under the new
     * name, with the AUTO_INCREMENT counter starting again at 1 as MySQL does (ids, tablespace and
     * index roots are assigned by the dictionary).
     */
    private TableDef likeTemplate(CreateTable ct, Names.TableName n) {
        Names.TableName source = Names.resolve(ct.getLikeTable(), session);
        if (Names.systemDatabase(source.database()) != null) {
            throw MySqlError.ER_NOT_SUPPORTED_YET.raise("CREATE TABLE ... LIKE a system table");
        }
        TableDef def = Names.existing(source, session).def();
        // CHECK constraints come along under new names (a name is unique in its database).
        List<io.flushdb.storage.dict.CheckDef> checks = new ArrayList<>();
        for (io.flushdb.storage.dict.CheckDef c : def.checks()) {
            checks.add(new io.flushdb.storage.dict.CheckDef(n.table() + "_chk_" + (checks.size() + 1), c.expression(),
                    c.enforced()));
        }
        return new TableDef(0, n.database(), n.table(), 0, def.columns(), def.indexes(), 1, def.defaultCollation(),
                def.comment(), 0, List.of(), checks);
    }

    /**
     * Fails with 3822 if another table of {@code def}'s database ({@code self} excepted) has a
     * CHECK constraint of the same name: MySQL's constraint names are unique per database.
     */
    private void checkNamesFree(TableDef def, String self) {
        if (def.checks().isEmpty()) {
            return;
        }
        for (TableEntry other : dictionary.tables(def.database())) {
            if (other.def().name().equals(self)) {
                continue;
            }
            for (io.flushdb.storage.dict.CheckDef theirs : other.def().checks()) {
                for (io.flushdb.storage.dict.CheckDef mine : def.checks()) {
                    if (theirs.name().equalsIgnoreCase(mine.name())) {
                        throw MySqlError.ER_CHECK_CONSTRAINT_DUP_NAME.raise(mine.name());
                    }
                }
            }
        }
    }

    public StatementResult drop(Drop d) {
        String type = d.getType().toUpperCase(Locale.ROOT);
        boolean ifExists = d.isIfExists();
        switch (type) {
            case "DATABASE", "SCHEMA" -> {
                return dropDatabase(SqlText.unquote(d.getName().getName()), ifExists);
            }
            case "VIEW" -> {
                List<Table> names = d.getNames() != null && !d.getNames().isEmpty() ? d.getNames() : List.of(d.getName());
                return dropViews(names, ifExists);
            }
            case "TABLE", "TEMPORARY TABLE" -> {
                List<Table> names = d.getNames() != null && !d.getNames().isEmpty() ? d.getNames() : List.of(d.getName());
                return dropTables(names, ifExists);
            }
            case "INDEX" -> {
                String index = SqlText.unquote(d.getName().getName());
                List<String> params = d.getParameters();
                if (params == null || params.size() < 2 || !params.get(0).equalsIgnoreCase("ON")) {
                    throw MySqlError.ER_PARSE_ERROR.raise(d.toString(), 1);
                }
                Table t = new Table(params.get(1));
                if (params.get(1).contains(".")) {
                    String[] parts = params.get(1).split("\\.", 2);
                    t = new Table(parts[0], parts[1]);
                }
                return dropIndex(Names.resolveForWrite(t, session), index);
            }
            default -> throw MySqlError.ER_NOT_SUPPORTED_YET.raise("DROP " + d.getType());
        }
    }

    private StatementResult dropTables(List<Table> names, boolean ifExists) {
        List<TableEntry> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Table t : names) {
            Names.TableName n = Names.resolveForWrite(t, session);
            TableEntry e = dictionary.table(n.database(), n.table());
            if (e == null) {
                missing.add(n.database() + "." + n.table());
            } else {
                found.add(e);
            }
        }
        if (!missing.isEmpty() && !ifExists) {
            // MySQL 8.0's DROP TABLE is atomic: nothing is dropped if a table is missing.
            throw MySqlError.ER_BAD_TABLE_ERROR.raise(String.join(",", missing));
        }
        if (foreignKeyChecks()) {
            ForeignKeyResolver.checkDrop(dictionary, found);
        }
        return withTablesLocked(withParents(found, foreignKeysOf(found)), () -> {
            for (TableEntry e : found) {
                dictionary.dropTable(e.def().database(), e.def().name());
            }
            for (String m : missing) {
                session.addWarning(new SqlWarning("Note", 1051, "Unknown table '" + m + "'"));
            }
            return StatementResult.updateCount(0, List.of(), missing.size());
        });
    }

    // ---- views -------------------------------------------------------------------------------

    private static final String NAME = "(?:`(?:[^`]|``)+`|[\\w$]+)";
    /** CREATE [OR REPLACE] | ALTER, options, VIEW name [(columns)] AS query [WITH [CASCADED|LOCAL] CHECK OPTION]. */
    private static final java.util.regex.Pattern VIEW = java.util.regex.Pattern.compile(
            "(?is)\\s*(CREATE(\\s+OR\\s+REPLACE)?|ALTER)\\s+"
                    + "(?:ALGORITHM\\s*=\\s*(UNDEFINED|MERGE|TEMPTABLE)\\s+)?"
                    + "(?:DEFINER\\s*=\\s*(CURRENT_USER(?:\\s*\\(\\s*\\))?|(?:`[^`]*`|'[^']*'|[\\w.%$-]+)(?:\\s*@\\s*(?:`[^`]*`|'[^']*'|[\\w.%$-]+))?)\\s+)?"
                    + "(?:SQL\\s+SECURITY\\s+(DEFINER|INVOKER)\\s+)?"
                    + "VIEW\\s+(" + NAME + "(?:\\s*\\.\\s*" + NAME + ")?)\\s*(?:\\(([^)]*)\\))?\\s*AS\\s+(.+?)"
                    + "(?:\\s+WITH\\s+(?:(CASCADED|LOCAL)\\s+)?CHECK\\s+OPTION)?\\s*;?\\s*");

    /** Whether {@code sql} is CREATE [OR REPLACE] ... VIEW or ALTER ... VIEW. */
    public static boolean isViewDdl(String sql) {
        return java.util.regex.Pattern.compile("(?is)\\s*(CREATE(\\s+OR\\s+REPLACE)?|ALTER)\\s+(ALGORITHM\\s*=\\s*\\w+\\s+)?"
                + "(DEFINER\\s*=\\s*\\S+(\\s*@\\s*\\S+)?\\s+)?(SQL\\s+SECURITY\\s+\\w+\\s+)?VIEW\\b.*").matcher(sql).matches();
    }

    /**
     * CREATE [OR REPLACE] VIEW and ALTER VIEW. The query is planned now (its tables and columns
     * must exist, error 1146/1054 as MySQL; no parameters or variables, 1351), its labels or the
     * column list (1353 when the counts differ, 1060 for a repeated name) become the view's
     * columns, and the view is stored with the query text as written. A table of that name is
     * 1050 (CREATE) or 1347 (OR REPLACE, ALTER); ALTER of a missing view is 1146.
     */
    public StatementResult createView(String sql, io.flushdb.sql.route.StatementRouter router) {
        java.util.regex.Matcher m = VIEW.matcher(sql);
        if (!m.matches()) {
            throw MySqlError.ER_PARSE_ERROR.raise(sql.length() > 80 ? sql.substring(0, 80) : sql, 1);
        }
        boolean alter = m.group(1).toUpperCase(Locale.ROOT).startsWith("ALTER");
        boolean replace = alter || m.group(2) != null;
        String algorithm = m.group(3) == null ? "UNDEFINED" : m.group(3).toUpperCase(Locale.ROOT);
        String security = m.group(5) == null ? "DEFINER" : m.group(5).toUpperCase(Locale.ROOT);
        String definer = definer(m.group(4));
        String[] parts = splitName(m.group(6));
        Table table = parts.length == 2 ? new Table(parts[0], parts[1]) : new Table(parts[0]);
        Names.TableName n = Names.resolveForWrite(table, session);
        Names.checkIdentifier(n.table(), MySqlError.ER_WRONG_TABLE_NAME);
        if (dictionary.database(n.database()) == null) {
            throw MySqlError.ER_BAD_DB_ERROR.raise(n.database());
        }
        String query = m.group(8).trim();
        String checkOption = sql.toUpperCase(Locale.ROOT).matches("(?s).*\\bCHECK\\s+OPTION\\s*;?\\s*")
                ? (m.group(9) == null ? "CASCADED" : m.group(9).toUpperCase(Locale.ROOT)) : "NONE";
        if (dictionary.table(n.database(), n.table()) != null) {
            if (replace) {
                throw MySqlError.ER_WRONG_OBJECT.raise(n.database(), n.table(), "VIEW");
            }
            throw MySqlError.ER_TABLE_EXISTS_ERROR.raise(n.table());
        }
        io.flushdb.storage.dict.ViewDef old = dictionary.view(n.database(), n.table());
        if (alter && old == null) {
            throw MySqlError.ER_NO_SUCH_TABLE.raise(n.database(), n.table());
        }
        if (old != null && !replace) {
            throw MySqlError.ER_TABLE_EXISTS_ERROR.raise(n.table());
        }
        if (SqlText.countParameters(query) > 0 || query.contains("@")) {
            throw MySqlError.ER_VIEW_SELECT_VARIABLE.raise();
        }
        io.flushdb.sql.route.ParsedStatement sp = router.parse(query);
        if (!(sp.ast() instanceof net.sf.jsqlparser.statement.select.Select select)) {
            throw MySqlError.ER_PARSE_ERROR.raise(query.length() > 80 ? query.substring(0, 80) : query, 1);
        }
        List<io.flushdb.sql.exec.ColumnMeta> metas = session.inDatabase(n.database(),
                () -> router.compile(sp.sql(), select, 0).columns());
        List<String> columns = new ArrayList<>();
        if (m.group(7) != null) {
            for (String c : m.group(7).split(",")) {
                columns.add(SqlText.unquote(c.trim()));
            }
            if (columns.size() != metas.size()) {
                throw MySqlError.ER_VIEW_WRONG_LIST.raise();
            }
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < metas.size(); i++) {
            String c = columns.isEmpty() ? metas.get(i).label() : columns.get(i);
            if (!seen.add(c.toLowerCase(Locale.ROOT))) {
                throw MySqlError.ER_DUP_FIELDNAME.raise(c);
            }
        }
        io.flushdb.storage.dict.ViewDef view = new io.flushdb.storage.dict.ViewDef(n.database(), n.table(),
                List.copyOf(columns), query, algorithm, definer, security, checkOption);
        return withTablesLocked(List.of(), () -> {
            dictionary.createView(view, replace);
            return StatementResult.updateCount(0, List.of(), 0);
        });
    }

    /** DEFINER as MySQL shows it: `user`@`host`; CURRENT_USER (or none) is the session's account. */
    private static String definer(String given) {
        if (given == null || given.toUpperCase(Locale.ROOT).startsWith("CURRENT_USER")) {
            return "`" + Session.USER + "`@`" + Session.HOST + "`";
        }
        String[] uh = given.split("@", 2);
        String user = SqlText.unquote(uh[0].trim().replaceAll("^'(.*)'$", "`$1`"));
        String host = uh.length > 1 ? SqlText.unquote(uh[1].trim().replaceAll("^'(.*)'$", "`$1`")) : "%";
        return "`" + user + "`@`" + host + "`";
    }

    private static String[] splitName(String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(" + NAME + ")\\s*\\.\\s*(" + NAME + ")").matcher(name);
        if (m.matches()) {
            return new String[] {m.group(1), m.group(2)};
        }
        return new String[] {name};
    }

    /**
     * DROP VIEW [IF EXISTS] v [, v2 ...] [RESTRICT | CASCADE]: atomic as in MySQL 8.0 (a missing
     * view is error 1051 naming every missing one, and nothing is dropped; with IF EXISTS a note
     * 1051 each); a table named is error 1347.
     */
    private StatementResult dropViews(List<Table> names, boolean ifExists) {
        List<Names.TableName> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Table t : names) {
            Names.TableName n = Names.resolveForWrite(t, session);
            if (dictionary.view(n.database(), n.table()) != null) {
                found.add(n);
            } else if (dictionary.table(n.database(), n.table()) != null) {
                throw MySqlError.ER_WRONG_OBJECT.raise(n.database(), n.table(), "VIEW");
            } else {
                missing.add(n.database() + "." + n.table());
            }
        }
        if (!missing.isEmpty() && !ifExists) {
            throw MySqlError.ER_BAD_TABLE_ERROR.raise(String.join(",", missing));
        }
        return withTablesLocked(List.of(), () -> {
            for (Names.TableName n : found) {
                dictionary.dropView(n.database(), n.table());
            }
            for (String m : missing) {
                session.addWarning(new SqlWarning("Note", 1051, "Unknown table '" + m + "'"));
            }
            return StatementResult.updateCount(0, List.of(), missing.size());
        });
    }

    public StatementResult truncate(Truncate t) {
        Names.TableName n = Names.resolveForWrite(t.getTable(), session);
        TableEntry e = Names.existing(n, session);
        if (foreignKeyChecks()) {
            ForeignKeyResolver.checkTruncate(dictionary, e.def());
        }
        return withTablesLocked(List.of(e), () -> {
            dictionary.truncateTable(n.database(), n.table());
            return StatementResult.updateCount(0, List.of(), 0);
        });
    }

    // ---- indexes ------------------------------------------------------------------------------

    public StatementResult createIndex(CreateIndex ci) {
        Names.TableName n = Names.resolveForWrite(ci.getTable(), session);
        TableEntry e = Names.existing(n, session);
        Index ix = ci.getIndex();
        String type = ix.getType() == null ? "" : ix.getType().toUpperCase(Locale.ROOT);
        IndexDef.Kind kind = type.contains("UNIQUE") ? IndexDef.Kind.UNIQUE : IndexDef.Kind.INDEX;
        if (type.contains("FULLTEXT") || type.contains("SPATIAL")) {
            throw MySqlError.ER_NOT_SUPPORTED_YET.raise(type + " indexes");
        }
        String name = SqlText.unquote(ix.getName());
        if (e.def().index(name) != null || name.equalsIgnoreCase(IndexDef.PRIMARY_NAME)) {
            throw MySqlError.ER_DUP_KEYNAME.raise(name);
        }
        List<CreateTableHandler.KeySpec> keys = new ArrayList<>();
        List<String> cols = new ArrayList<>();
        for (Index.ColumnParams cp : ix.getColumns()) {
            if (cp.getParams() != null && !cp.getParams().isEmpty()
                    && !String.join(" ", cp.getParams()).trim().matches("(?i)ASC|DESC")) {
                throw MySqlError.ER_NOT_SUPPORTED_YET.raise("index column prefixes");
            }
            cols.add(SqlText.unquote(cp.getColumnName()));
        }
        keys.add(new CreateTableHandler.KeySpec(kind, name, cols));
        // Validate against the table's columns with the same rules as CREATE TABLE.
        TableDef checked = CreateTableHandler.assemble(n.database(), n.table(), new ArrayList<>(e.def().columns()), keys,
                new TableOptions(1, e.def().defaultCollation(), ""), session.engine().storage().pageSize());
        IndexDef template = checked.indexes().get(checked.indexes().size() - 1);
        return withTablesLocked(List.of(e), () -> {
            dictionary.createIndex(n.database(), n.table(), template);
            return StatementResult.updateCount(0, List.of(), 0);
        });
    }

    private StatementResult dropIndex(Names.TableName n, String index) {
        TableEntry e = Names.existing(n, session);
        IndexDef ix = e.def().index(index);
        if (ix == null) {
            throw MySqlError.ER_CANT_DROP_FIELD_OR_KEY.raise(index);
        }
        if (ix.isClustered()) {
            throw MySqlError.ER_NOT_SUPPORTED_YET.raise("dropping the PRIMARY KEY");
        }
        if (foreignKeyChecks()) {
            List<IndexDef> rest = new ArrayList<>(e.def().indexes());
            rest.remove(ix);
            TableDef after = e.def().withIndexes(rest);
            ForeignKeyResolver.checkChildIndexes(after, ix.name());
            ForeignKeyResolver.checkParentIndexes(after, dictionary, ix.name(), List.of());
        }
        return withTablesLocked(List.of(e), () -> {
            dictionary.dropIndex(n.database(), n.table(), ix.name());
            return StatementResult.updateCount(0, List.of(), 0);
        });
    }

    // ---- ALTER TABLE, RENAME TABLE ------------------------------------------------------------

    /**
     * {@code tables} and the existing parent tables of {@code foreignKeys}: a DDL that adds or
     * removes a constraint changes what the parent's row operations enforce, so it locks the
     * parent too (as MySQL takes a metadata lock on it).
     */
    private List<TableEntry> withParents(List<TableEntry> tables, List<ForeignKeyDef> foreignKeys) {
        List<TableEntry> out = new ArrayList<>(tables);
        for (ForeignKeyDef fk : foreignKeys) {
            TableEntry p = dictionary.table(fk.refDatabase(), fk.refTable());
            if (p != null && out.stream().noneMatch(t -> t.lock() == p.lock())) {
                out.add(p);
            }
        }
        return out;
    }

    private static List<ForeignKeyDef> foreignKeysOf(List<TableEntry> tables) {
        List<ForeignKeyDef> out = new ArrayList<>();
        for (TableEntry e : tables) {
            out.addAll(e.def().foreignKeys());
        }
        return out;
    }

    private boolean foreignKeyChecks() {
        return session.variables().foreignKeyChecks();
    }

    /**
     * ALTER TABLE: the actions are applied to a copy of the definition and checked; then the
     * change is stored in the cheapest way that is atomic: a single ADD or DROP of a secondary
     * index builds or frees that index; a change of names, defaults or comments rewrites the
     * definition only; anything else rebuilds the table (MySQL's ALGORITHM=COPY), converting the
     * rows under the session's sql_mode. A failure leaves the table as it was.
     */
    public StatementResult alterTable(String sql) {
        String[] name = AlterTableHandler.alteredTable(sql);
        Names.TableName n = Names.resolveForWrite(name[0] == null ? new Table(name[1]) : new Table(name[0], name[1]),
                session);
        TableEntry e = Names.existing(n, session);
        TableDef old = e.def();
        AlterTableHandler.Plan plan = AlterTableHandler.plan(sql, old);
        int pageSize = session.engine().storage().pageSize();
        boolean checks = foreignKeyChecks();
        TableDef shaped = AlterTableHandler.assemble(plan, old, pageSize);
        List<ForeignKeyDef> foreignKeys = ForeignKeyResolver.resolve(shaped, shaped.foreignKeys(),
                plan.addedForeignKeys, dictionary, checks);
        TableDef assembled = shaped.withConstraints(foreignKeys, shaped.checks());
        checkNamesFree(assembled, old.name());
        if (checks) {
            ForeignKeyResolver.checkChildIndexes(assembled, plan.onlyDroppedIndex);
            ForeignKeyResolver.checkParentIndexes(assembled, dictionary, plan.onlyDroppedIndex, plan.renamedColumns);
        }
        List<ForeignKeyDef> added = foreignKeys.subList(foreignKeys.size() - plan.addedForeignKeys.size(),
                foreignKeys.size());
        Names.TableName target = null;
        if (plan.renameTo != null) {
            String db = plan.renameDatabase == null ? n.database() : plan.renameDatabase;
            Names.checkWritable(db);
            Names.checkIdentifier(plan.renameTo, MySqlError.ER_WRONG_TABLE_NAME);
            if (dictionary.database(db) == null) {
                throw MySqlError.ER_BAD_DB_ERROR.raise(db);
            }
            target = new Names.TableName(db, plan.renameTo);
            if (!(db.equals(n.database()) && plan.renameTo.equals(n.table()))
                    && dictionary.table(db, plan.renameTo) != null) {
                throw MySqlError.ER_TABLE_EXISTS_ERROR.raise(plan.renameTo);
            }
        }
        Names.TableName renameTarget = target;
        boolean strict = session.strictMode();
        return withTablesLocked(withParents(List.of(e), added), () -> {
            TableEntry current = dictionary.table(n.database(), n.table());
            // ADD FOREIGN KEY with checks is a table copy in MySQL: existing rows are checked, and counted.
            long checked = checks && !added.isEmpty() ? checkExistingRows(current, added) : 0;
            long checkedRows = plan.checksTightened ? checkRows(current.def(), assembled) : 0;
            long copied = Math.max(Math.max(checked, checkedRows), storeAlteration(plan, current, assembled, strict));
            TableEntry stored = dictionary.table(n.database(), n.table());
            if (!stored.def().foreignKeys().equals(foreignKeys)) {
                dictionary.changeDefinition(stored.def().withConstraints(foreignKeys, stored.def().checks()));
            }
            ForeignKeyResolver.followColumnRenames(dictionary, n.database(), n.table(), plan.renamedColumns);
            if (renameTarget != null && !(renameTarget.database().equals(n.database())
                    && renameTarget.table().equals(n.table()))) {
                dictionary.renameTable(n.database(), n.table(), renameTarget.database(), renameTarget.table());
                ForeignKeyResolver.followTableRename(dictionary, n.database(), n.table(), renameTarget.database(),
                        renameTarget.table());
            }
            for (String w : plan.warnings) {
                session.addWarning(new SqlWarning("Warning", 1266, w));
            }
            return StatementResult.updateCount(copied, List.of(), session.warnings().size());
        });
    }

    /**
     * Checks the table's rows against the CHECK constraints {@code def} enforces that {@code old}
     * did not (3819 on the first violated); returns the rows checked, which MySQL reports as
     * affected (it copies the table to check them). A constraint reading a column the same ALTER
     * TABLE adds is checked from the next write on.
     */
    private long checkRows(TableDef old, TableDef def) {
        List<io.flushdb.storage.dict.CheckDef> added = new ArrayList<>();
        for (io.flushdb.storage.dict.CheckDef c : def.checks()) {
            if (c.enforced() && !old.checks().contains(c) && readsOnly(old, c.expression())) {
                added.add(c);
            }
        }
        if (added.isEmpty()) {
            return 0;
        }
        List<String> texts = new ArrayList<>();
        for (io.flushdb.storage.dict.CheckDef c : added) {
            texts.add(c.expression());
        }
        List<Object[]> values = expressions.evaluateAll(old, texts, null);
        for (Object[] v : values) {
            for (int i = 0; i < v.length; i++) {
                if (io.flushdb.sql.exec.RowExpressions.isFalse(v[i])) {
                    throw MySqlError.ER_CHECK_CONSTRAINT_VIOLATED.raise(added.get(i).name());
                }
            }
        }
        return values.size();
    }

    /** Whether {@code expression} reads only columns {@code def} has. */
    private static boolean readsOnly(TableDef def, String expression) {
        for (String col : RowRules.columnsOf(RowRules.parse(expression))) {
            if (def.columnIndex(col) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks the rows of {@code table} against constraints it gets ({@code added}): each row's
     * non-NULL referencing values must have a parent row (1452). Returns the table's rows.
     */
    private long checkExistingRows(TableEntry table, List<ForeignKeyDef> added) {
        long rows = 0;
        TableDef def = table.def();
        for (ForeignKeyDef fk : added) {
            int[] cc = def.columnPositions(fk.columns());
            if (java.util.Arrays.stream(cc).anyMatch(c -> c < 0)) {
                continue; // a column the statement adds: its rows hold the default
            }
            boolean self = fk.references(def.database(), def.name());
            TableEntry parent = self ? table : dictionary.table(fk.refDatabase(), fk.refTable());
            int parentIndex = -1;
            if (parent != null) {
                int[] pc = parent.def().columnPositions(fk.refColumns());
                parentIndex = java.util.Arrays.stream(pc).anyMatch(c -> c < 0) ? -1 : parent.def().indexStartingWith(pc);
                if (parentIndex < 0 && self) {
                    continue; // the index it needs comes with this statement
                }
            }
            String detail = "`" + def.database() + "`.`" + def.name() + "`, " + fk.clause(def.database());
            rows = table.store().checkReferences(cc, parent == null ? null : parent.store(), parentIndex, detail,
                    session.transaction());
        }
        return rows;
    }

    /**
     * Stores the change; returns the rows affected as MySQL reports them: the rows copied when
     * MySQL itself would copy the table (ALGORITHM=COPY: a column's type changes, or the primary
     * key is dropped without a new one), else 0 (MySQL's INSTANT and INPLACE changes).
     */
    private long storeAlteration(AlterTableHandler.Plan plan, TableEntry e, TableDef assembled, boolean strict) {
        TableDef old = e.def();
        boolean sameClustered = old.clusteredIndex().kind() == assembled.clusteredIndex().kind()
                && java.util.Arrays.equals(old.clusteredIndex().columns(), assembled.clusteredIndex().columns());
        boolean sameColumns = !plan.columnsChanged && !plan.force && plan.autoIncrement == null && sameClustered
                && old.columns().size() == assembled.columns().size();
        if (sameColumns) {
            for (int i = 0; i < old.columns().size(); i++) {
                if (!sameStorage(old.columns().get(i), assembled.columns().get(i))) {
                    sameColumns = false;
                }
            }
        }
        if (sameColumns && plan.actions == 1 && plan.onlyAddedIndex != null) {
            IndexDef added = assembled.index(plan.onlyAddedIndex);
            dictionary.createIndex(old.database(), old.name(), new IndexDef(0, added.name(), added.kind(),
                    added.columns(), 0));
            return 0;
        }
        if (sameColumns && plan.actions == 1 && plan.onlyDroppedIndex != null) {
            dictionary.dropIndex(old.database(), old.name(), plan.onlyDroppedIndex);
            return 0;
        }
        if (sameColumns) {
            List<IndexDef> kept = sameIndexes(plan, old, assembled);
            if (kept != null) {
                if (!assembled.equals(old) || plan.actions > 0) {
                    dictionary.changeDefinition(new TableDef(old.id(), old.database(), old.name(), old.spaceId(),
                            assembled.columns(), kept, old.autoIncrementStart(), assembled.defaultCollation(),
                            assembled.comment(), old.createTimeMillis(), assembled.foreignKeys(), assembled.checks()));
                }
                return 0;
            }
        }
        RowConverter converter = new RowConverter(plan, old, assembled, strict);
        dictionary.rebuildTable(old.database(), old.name(), assembled, converter);
        boolean copy = !old.hasHiddenPrimaryKey() && assembled.hasHiddenPrimaryKey();
        for (int i = 0; i < assembled.columns().size(); i++) {
            int src = plan.columns.get(i).source;
            io.flushdb.storage.dict.ColumnDef c = assembled.columns().get(i);
            if (src >= 0 && needsCopy(old.columns().get(src), c)) {
                copy = true;
            }
            if (src < 0 && c.isGenerated() && c.extra().storedGenerated()) {
                copy = true; // MySQL computes a new STORED column by copying the table
            }
        }
        return copy ? converter.row : 0;
    }

    /**
     * Whether MySQL 8.0 changes column {@code a} into {@code b} only by copying the table: any
     * change of type, except a VARCHAR that grows within the same length-prefix size.
     */
    private static boolean needsCopy(io.flushdb.storage.dict.ColumnDef a, io.flushdb.storage.dict.ColumnDef b) {
        if (a.type() != b.type() || a.precision() != b.precision() || a.scale() != b.scale() || a.fsp() != b.fsp()
                || a.unsigned() != b.unsigned() || !java.util.Objects.equals(a.collation(), b.collation())) {
            return true;
        }
        if (!a.extra().elements().equals(b.extra().elements())) {
            // ENUM/SET members appended at the end keep every stored index and bit; anything else re-maps values.
            List<String> was = a.extra().elements();
            List<String> now = b.extra().elements();
            return now.size() < was.size() || !now.subList(0, was.size()).equals(was);
        }
        if (a.length() == b.length()) {
            return false;
        }
        if (a.type() != io.flushdb.storage.dict.ColumnType.VARCHAR || b.length() < a.length()) {
            return true;
        }
        return a.maxBytes() < 256 != b.maxBytes() < 256;
    }

    /**
     * The old indexes under their new names, in the new order, when the statement changed no
     * index but its name; else null.
     */
    private static List<IndexDef> sameIndexes(AlterTableHandler.Plan plan, TableDef old, TableDef assembled) {
        if (old.indexes().size() != assembled.indexes().size()) {
            return null;
        }
        List<IndexDef> out = new ArrayList<>();
        out.add(old.clusteredIndex());
        for (int i = 1; i < assembled.indexes().size(); i++) {
            IndexDef want = assembled.indexes().get(i);
            IndexDef origin = null;
            for (AlterTableHandler.Key k : plan.keys) {
                if (k.name != null && k.name.equalsIgnoreCase(want.name())) {
                    origin = k.origin;
                }
            }
            if (origin == null || origin.kind() != want.kind()
                    || !java.util.Arrays.equals(origin.columns(), want.columns())) {
                return null;
            }
            out.add(new IndexDef(origin.id(), want.name(), want.kind(), origin.columns(), origin.rootPage()));
        }
        return out;
    }

    /** Whether a column's stored values need no conversion or check to become {@code b}'s. */
    private static boolean sameStorage(io.flushdb.storage.dict.ColumnDef a, io.flushdb.storage.dict.ColumnDef b) {
        return a.type() == b.type() && a.length() == b.length() && a.precision() == b.precision()
                && a.scale() == b.scale() && a.fsp() == b.fsp() && a.unsigned() == b.unsigned()
                && a.nullable() == b.nullable() && a.autoIncrement() == b.autoIncrement()
                && java.util.Objects.equals(a.collation(), b.collation())
                && a.extra().elements().equals(b.extra().elements());
    }

    /**
     * Converts the rows of a rebuilt table: values of kept columns go through the INSERT
     * conversion ({@link io.flushdb.sql.types.StoreValues}) when the column's type changed, new
     * columns take their default (the implicit one for NOT NULL without DEFAULT), and an
     * AUTO_INCREMENT column numbers the rows that have no value.
     */
    private final class RowConverter implements Dictionary.RowCopier {
        private final List<io.flushdb.storage.dict.ColumnDef> oldColumns;
        private final List<io.flushdb.storage.dict.ColumnDef> columns;
        private final int[] sources;
        private final boolean[] convert;
        /** Generated columns whose values are computed anew (added, or their expression changed). */
        private final boolean[] generate;
        private final TableDef old;
        private final boolean strict;
        private final Long requestedAutoIncrement;
        private final java.time.LocalDateTime now = io.flushdb.sql.exec.QueryExecutor.statementTime(session);
        private final java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        private final org.apache.calcite.rel.type.RelDataTypeFactory types = new io.flushdb.sql.plan.MySqlTypeFactory();
        long row;
        private long nextAuto = 1;
        private long maxAuto;

        RowConverter(AlterTableHandler.Plan plan, TableDef old, TableDef def, boolean strict) {
            this.oldColumns = old.columns();
            this.columns = def.columns();
            this.sources = new int[columns.size()];
            this.convert = new boolean[columns.size()];
            this.generate = new boolean[columns.size()];
            this.old = old;
            for (int i = 0; i < sources.length; i++) {
                sources[i] = plan.columns.get(i).source;
                convert[i] = sources[i] >= 0 && !sameStorage(oldColumns.get(sources[i]), columns.get(i));
                io.flushdb.storage.dict.ColumnDef c = columns.get(i);
                generate[i] = c.isGenerated() && (sources[i] < 0 || !c.extra().generationExpression().equals(
                        oldColumns.get(sources[i]).extra().generationExpression()));
            }
            this.strict = strict;
            this.requestedAutoIncrement = plan.autoIncrement;
        }

        @Override
        public Object[] convert(Object[] oldRow) {
            row++;
            // ALTER TABLE reports a value cut to fit as 1265 (Data truncated) where INSERT says 1406.
            long at = row;
            io.flushdb.sql.types.StoreValues.Context ctx = new io.flushdb.sql.types.StoreValues.Context(strict, row,
                    zone, w -> session.addWarning(w.code() == MySqlError.ER_DATA_TOO_LONG.code
                            ? new SqlWarning(w.level(), MySqlError.WARN_DATA_TRUNCATED.code, w.message()) : w));
            Object[] out = new Object[columns.size()];
            for (int i = 0; i < out.length; i++) {
                io.flushdb.storage.dict.ColumnDef col = columns.get(i);
                int src = sources[i];
                Object v;
                if (generate[i]) {
                    v = generated(col, oldRow, ctx);
                } else if (src >= 0) {
                    v = oldRow[src];
                    if (v != null && convert[i]) {
                        io.flushdb.storage.dict.ColumnDef from = oldColumns.get(src);
                        Object canonical = io.flushdb.sql.types.CalciteValues.toCanonical(
                                io.flushdb.sql.types.TypeMapping.relType(types, from),
                                io.flushdb.sql.types.CalciteValues.fromStored(from, v, zone));
                        try {
                            v = io.flushdb.sql.types.StoreValues.coerce(col, canonical, ctx);
                        } catch (io.flushdb.sql.error.MySqlException tooLong) {
                            if (tooLong.code() != MySqlError.ER_DATA_TOO_LONG.code) {
                                throw tooLong;
                            }
                            throw MySqlError.WARN_DATA_TRUNCATED.raise(col.name(), at);
                        }
                    }
                } else if (col.autoIncrement()) {
                    v = null;
                } else if (col.defaultKind() == io.flushdb.storage.dict.ColumnDef.DefaultKind.NONE) {
                    v = col.nullable() ? null : DefaultValues.implicitDefault(col, ctx);
                } else {
                    v = DefaultValues.storedDefault(col, ctx, now);
                }
                if (col.autoIncrement()) {
                    if (v == null || v instanceof Number num && num.longValue() == 0) {
                        v = io.flushdb.sql.types.StoreValues.coerce(col, nextAuto, ctx);
                    }
                    long value = ((Number) v).longValue();
                    maxAuto = Math.max(maxAuto, value);
                    nextAuto = Math.max(nextAuto, value + 1);
                }
                if (v == null && !col.nullable()) {
                    if (src < 0) {
                        v = DefaultValues.implicitDefault(col, ctx);
                    } else if (strict) {
                        throw MySqlError.ER_INVALID_USE_OF_NULL.raise();
                    } else {
                        session.addWarning(new SqlWarning("Warning", MySqlError.WARN_DATA_TRUNCATED.code,
                                MySqlError.WARN_DATA_TRUNCATED.raise(col.name(), row).getMessage()));
                        v = DefaultValues.implicitDefault(col, ctx);
                    }
                }
                out[i] = v;
            }
            return out;
        }

        /**
         * A new generated column's value for a row, computed from the row as it was (the
         * expression may read only columns the table had before the statement).
         */
        private Object generated(io.flushdb.storage.dict.ColumnDef col, Object[] oldRow,
                                 io.flushdb.sql.types.StoreValues.Context ctx) {
            if (!readsOnly(old, col.extra().generationExpression())) {
                throw MySqlError.ER_NOT_SUPPORTED_YET.raise(
                        "a generated column reading a column added by the same ALTER TABLE, on a table with rows");
            }
            Object v = expressions.evaluateAll(old, List.of(col.extra().generationExpression()), oldRow).get(0)[0];
            return v == null ? null : io.flushdb.sql.types.StoreValues.coerce(col, v, ctx);
        }

        @Override
        public long autoIncrement(long oldCounter) {
            long counter = requestedAutoIncrement != null ? requestedAutoIncrement : oldCounter;
            return Math.max(Math.max(counter, 1), maxAuto + 1);
        }
    }

    /**
     * RENAME TABLE a TO b [, c TO d ...]: checked as a whole first (each source must exist and
     * each target be free at its turn), then renamed pair by pair.
     */
    public StatementResult renameTables(String sql) {
        List<AlterTableHandler.RenamePair> pairs = AlterTableHandler.parseRename(sql);
        List<Names.TableName[]> resolved = new ArrayList<>();
        java.util.Set<String> present = new java.util.HashSet<>();
        java.util.Set<String> gone = new java.util.HashSet<>();
        List<TableEntry> entries = new ArrayList<>();
        for (AlterTableHandler.RenamePair p : pairs) {
            Names.TableName from = Names.resolveForWrite(p.fromDatabase() == null ? new Table(p.from())
                    : new Table(p.fromDatabase(), p.from()), session);
            Names.TableName to = Names.resolveForWrite(p.toDatabase() == null ? new Table(p.to())
                    : new Table(p.toDatabase(), p.to()), session);
            Names.checkIdentifier(to.table(), MySqlError.ER_WRONG_TABLE_NAME);
            String fromKey = from.database() + "." + from.table();
            String toKey = to.database() + "." + to.table();
            boolean fromExists = present.contains(fromKey)
                    || !gone.contains(fromKey) && dictionary.table(from.database(), from.table()) != null;
            if (!fromExists) {
                throw MySqlError.ER_NO_SUCH_TABLE.raise(from.database(), from.table());
            }
            if (dictionary.database(to.database()) == null) {
                throw MySqlError.ER_BAD_DB_ERROR.raise(to.database());
            }
            boolean toExists = present.contains(toKey)
                    || !gone.contains(toKey) && dictionary.table(to.database(), to.table()) != null;
            if (toExists) {
                throw MySqlError.ER_TABLE_EXISTS_ERROR.raise(to.table());
            }
            TableEntry e = dictionary.table(from.database(), from.table());
            if (e != null && !present.contains(fromKey) && !entries.contains(e)) {
                entries.add(e);
            }
            present.remove(fromKey);
            gone.add(fromKey);
            present.add(toKey);
            gone.remove(toKey);
            resolved.add(new Names.TableName[] {from, to});
        }
        return withTablesLocked(entries, () -> {
            for (Names.TableName[] r : resolved) {
                dictionary.renameTable(r[0].database(), r[0].table(), r[1].database(), r[1].table());
                ForeignKeyResolver.followTableRename(dictionary, r[0].database(), r[0].table(), r[1].database(),
                        r[1].table());
            }
            return StatementResult.updateCount(0, List.of(), 0);
        });
    }

    // ---- CREATE TABLE ... SELECT --------------------------------------------------------------

    /** Whether a CREATE TABLE statement has a SELECT part. */
    public static boolean isCreateSelect(String sql) {
        return AlterTableHandler.createSelectSplit(sql) != null;
    }

    /**
     * CREATE TABLE t [(...)] [IGNORE|REPLACE] [AS] SELECT ...: the columns declared in the
     * statement, then the select's columns not declared there (a column reference keeps its
     * column's type, NULL-ness, default and collation, without AUTO_INCREMENT; an expression gets
     * the type MySQL derives for its result), then the rows inserted as INSERT ... SELECT would. If
     * the insert fails the table is dropped: the statement leaves no table.
     */
    public StatementResult createTableSelect(String sql, io.flushdb.sql.route.StatementRouter router) {
        int[] split = AlterTableHandler.createSelectSplit(sql);
        String head = sql.substring(0, split[1]).trim();
        String selectSql = sql.substring(split[2]).trim();
        String afterName = head.substring(split[0]).trim();
        boolean declared = afterName.startsWith("(");
        String options = declared ? head.substring(head.indexOf('(', split[0]) + 1) : ") " + afterName;
        String prefix = head.substring(0, split[0]);
        // First the declared columns' names; keys may also name columns that only the SELECT makes.
        CreateTable probe = parseCreate(prefix + " (`#ctas` INT" + (declared ? ", " : "") + options, sql);
        Names.TableName n = Names.resolveForWrite(probe.getTable(), session);
        Names.checkIdentifier(n.table(), MySqlError.ER_WRONG_TABLE_NAME);
        DatabaseDef db = dictionary.database(n.database());
        if (db == null) {
            throw MySqlError.ER_BAD_DB_ERROR.raise(n.database());
        }
        if (dictionary.table(n.database(), n.table()) != null || dictionary.view(n.database(), n.table()) != null) {
            if (probe.isIfNotExists()) {
                session.addWarning(new SqlWarning("Note", 1050, "Table '" + n.table() + "' already exists"));
                return StatementResult.updateCount(0, List.of(), 1);
            }
            throw MySqlError.ER_TABLE_EXISTS_ERROR.raise(n.table());
        }
        io.flushdb.sql.route.ParsedStatement sp = router.parse(selectSql);
        if (!(sp.ast() instanceof net.sf.jsqlparser.statement.select.Select select)) {
            throw MySqlError.ER_PARSE_ERROR.raise(selectSql, 1);
        }
        List<io.flushdb.sql.exec.ColumnMeta> metas = router.compile(sp.sql(), select, 0).columns();
        java.util.Set<String> declaredNames = new java.util.HashSet<>();
        for (net.sf.jsqlparser.statement.create.table.ColumnDefinition cd : probe.getColumnDefinitions()) {
            declaredNames.add(SqlText.unquote(cd.getColumnName()).toLowerCase(Locale.ROOT));
        }
        StringBuilder placeholders = new StringBuilder("`#ctas` INT");
        List<String> targets = new ArrayList<>();
        java.util.Set<String> fromSelect = new java.util.HashSet<>();
        for (io.flushdb.sql.exec.ColumnMeta m : metas) {
            String name = m.label();
            if (!fromSelect.add(name.toLowerCase(Locale.ROOT))) {
                throw MySqlError.ER_DUP_FIELDNAME.raise(name);
            }
            targets.add(name);
            if (!declaredNames.contains(name.toLowerCase(Locale.ROOT))) {
                placeholders.append(", ").append(SqlText.quote(name)).append(" INT");
            }
        }
        CreateTable ct = parseCreate(prefix + " (" + placeholders + (declared ? ", " : "") + options, sql);
        int pageSize = session.engine().storage().pageSize();
        List<String> warnings = new ArrayList<>();
        TableDef base = CreateTableHandler.build(ct, n.database(), n.table(), db.defaultCollation(), pageSize, warnings);
        // MySQL's order: declared columns the SELECT does not make, then the SELECT's columns (a
        // declared one keeps its declaration but takes the SELECT's position).
        List<io.flushdb.storage.dict.ColumnDef> columns = new ArrayList<>();
        for (io.flushdb.storage.dict.ColumnDef c : base.columns()) {
            if (declaredNames.contains(c.name().toLowerCase(Locale.ROOT)) && !c.name().equals("#ctas")
                    && !fromSelect.contains(c.name().toLowerCase(Locale.ROOT))) {
                columns.add(c);
            }
        }
        for (io.flushdb.sql.exec.ColumnMeta m : metas) {
            String name = m.label();
            int pos = declaredNames.contains(name.toLowerCase(Locale.ROOT))
                    ? CreateTableHandler.indexOf(base.columns(), name) : -1;
            columns.add(pos >= 0 ? base.columns().get(pos) : selectColumn(m, name, base.defaultCollation()));
        }
        List<CreateTableHandler.KeySpec> keys = new ArrayList<>();
        for (IndexDef ix : base.indexes()) {
            if (ix.kind() == IndexDef.Kind.GENERATED_CLUSTERED) {
                continue;
            }
            List<String> cols = new ArrayList<>();
            for (int c : ix.columns()) {
                cols.add(base.columns().get(c).name());
            }
            keys.add(new CreateTableHandler.KeySpec(ix.kind(), ix.kind() == IndexDef.Kind.PRIMARY ? null : ix.name(),
                    cols));
        }
        TableDef template = CreateTableHandler.assemble(n.database(), n.table(), columns, keys,
                new TableOptions(base.autoIncrementStart(), base.defaultCollation(), base.comment()), pageSize);
        withTablesLocked(List.of(), () -> {
            dictionary.createTable(template);
            return null;
        });
        StringBuilder ins = new StringBuilder(split[3] == 2 ? "REPLACE" : split[3] == 1 ? "INSERT IGNORE" : "INSERT");
        ins.append(" INTO ").append(SqlText.quote(n.database())).append('.').append(SqlText.quote(n.table())).append(" (");
        for (int i = 0; i < targets.size(); i++) {
            ins.append(i > 0 ? ", " : "").append(SqlText.quote(targets.get(i)));
        }
        ins.append(") ").append(selectSql);
        StatementResult r;
        try {
            r = router.execute(router.parse(ins.toString()), new Object[0]);
            session.commit();
        } catch (RuntimeException e) {
            try {
                session.rollback();
                withTablesLocked(List.of(dictionary.table(n.database(), n.table())), () -> {
                    dictionary.dropTable(n.database(), n.table());
                    return null;
                });
            } catch (RuntimeException dropFailure) {
                e.addSuppressed(dropFailure);
            }
            throw e;
        }
        for (String w : warnings) {
            session.addWarning(new SqlWarning("Warning", 1266, w));
        }
        return StatementResult.updateCount(r.updateCount(), List.of(), session.warnings().size());
    }

    private static CreateTable parseCreate(String createSql, String original) {
        net.sf.jsqlparser.statement.Statement st;
        try {
            st = io.flushdb.sql.parse.MySqlParser.parse(createSql);
        } catch (io.flushdb.sql.error.MySqlException e) {
            throw MySqlError.ER_PARSE_ERROR.raise(original.length() > 80 ? original.substring(0, 80) : original, 1);
        }
        if (!(st instanceof CreateTable ct)) {
            throw MySqlError.ER_PARSE_ERROR.raise(original, 1);
        }
        return ct;
    }

    /** The column CREATE TABLE ... SELECT makes for a select column. */
    private io.flushdb.storage.dict.ColumnDef selectColumn(io.flushdb.sql.exec.ColumnMeta m, String name,
                                                           Collation tableCollation) {
        if (!m.originalTable().isEmpty() && !m.database().isEmpty()) {
            TableEntry source = dictionary.table(m.database(), m.originalTable());
            int pos = source == null ? -1 : source.def().columnIndex(m.name());
            if (pos >= 0) {
                io.flushdb.storage.dict.ColumnDef c = source.def().columns().get(pos);
                boolean nullable = c.nullable() || m.nullable();
                String dflt = c.defaultValue();
                io.flushdb.storage.dict.ColumnDef.DefaultKind kind = c.defaultKind();
                if (c.autoIncrement()) {
                    dflt = "0"; // MySQL gives the copy of an AUTO_INCREMENT column DEFAULT '0'
                    kind = io.flushdb.storage.dict.ColumnDef.DefaultKind.LITERAL;
                }
                if (nullable && kind == io.flushdb.storage.dict.ColumnDef.DefaultKind.NONE) {
                    kind = io.flushdb.storage.dict.ColumnDef.DefaultKind.NULL;
                }
                return new io.flushdb.storage.dict.ColumnDef(name, c.type(), c.length(), c.precision(), c.scale(),
                        c.fsp(), c.unsigned(), c.zerofill(), nullable, dflt, kind, false, c.onUpdateCurrentTimestamp(),
                        c.collation(), c.comment());
            }
        }
        io.flushdb.storage.dict.ColumnType type;
        long length = 0;
        int precision = 0;
        int scale = 0;
        int fsp = 0;
        boolean unsigned = m.type().isUnsigned();
        Collation collation = null;
        switch (m.type()) {
            case TINYINT, TINYINT_UNSIGNED -> type = io.flushdb.storage.dict.ColumnType.TINYINT;
            case BIT -> type = io.flushdb.storage.dict.ColumnType.BOOLEAN;
            case SMALLINT, SMALLINT_UNSIGNED -> type = io.flushdb.storage.dict.ColumnType.SMALLINT;
            case MEDIUMINT, MEDIUMINT_UNSIGNED -> type = io.flushdb.storage.dict.ColumnType.MEDIUMINT;
            case INT, INT_UNSIGNED -> type = io.flushdb.storage.dict.ColumnType.INT;
            // MySQL makes an INT column for an integer result that fits in it (fewer than 10 digits).
            case BIGINT, BIGINT_UNSIGNED -> type = m.length() < 10 ? io.flushdb.storage.dict.ColumnType.INT
                    : io.flushdb.storage.dict.ColumnType.BIGINT;
            case DECIMAL, DECIMAL_UNSIGNED -> {
                type = io.flushdb.storage.dict.ColumnType.DECIMAL;
                scale = m.scale();
                precision = (int) Math.max(1, Math.min(65, m.length() - (scale > 0 ? 1 : 0) - (unsigned ? 0 : 1)));
                precision = Math.max(precision, scale);
            }
            case FLOAT, FLOAT_UNSIGNED -> type = io.flushdb.storage.dict.ColumnType.FLOAT;
            case DOUBLE, DOUBLE_UNSIGNED -> type = io.flushdb.storage.dict.ColumnType.DOUBLE;
            case CHAR, VARCHAR -> {
                type = m.length() > 16383 ? io.flushdb.storage.dict.ColumnType.MEDIUMTEXT
                        : io.flushdb.storage.dict.ColumnType.VARCHAR;
                length = type == io.flushdb.storage.dict.ColumnType.VARCHAR ? m.length() : 0;
                collation = tableCollation;
            }
            case TINYTEXT -> {
                type = io.flushdb.storage.dict.ColumnType.TINYTEXT;
                collation = tableCollation;
            }
            case TEXT -> {
                type = io.flushdb.storage.dict.ColumnType.TEXT;
                collation = tableCollation;
            }
            case MEDIUMTEXT -> {
                type = io.flushdb.storage.dict.ColumnType.MEDIUMTEXT;
                collation = tableCollation;
            }
            case LONGTEXT -> {
                type = io.flushdb.storage.dict.ColumnType.LONGTEXT;
                collation = tableCollation;
            }
            case BINARY, VARBINARY, NULL -> {
                type = m.type() == MySqlTypeAlias.VARBINARY ? io.flushdb.storage.dict.ColumnType.VARBINARY
                        : io.flushdb.storage.dict.ColumnType.BINARY;
                length = m.type() == MySqlTypeAlias.NULL ? 0 : m.length();
            }
            case TINYBLOB -> type = io.flushdb.storage.dict.ColumnType.TINYBLOB;
            case BLOB -> type = io.flushdb.storage.dict.ColumnType.BLOB;
            case MEDIUMBLOB -> type = io.flushdb.storage.dict.ColumnType.MEDIUMBLOB;
            case LONGBLOB -> type = io.flushdb.storage.dict.ColumnType.LONGBLOB;
            case DATE -> type = io.flushdb.storage.dict.ColumnType.DATE;
            case TIME -> {
                type = io.flushdb.storage.dict.ColumnType.TIME;
                fsp = m.scale();
            }
            case DATETIME -> {
                type = io.flushdb.storage.dict.ColumnType.DATETIME;
                fsp = m.scale();
            }
            case TIMESTAMP -> {
                type = io.flushdb.storage.dict.ColumnType.TIMESTAMP;
                fsp = m.scale();
            }
            case YEAR -> type = io.flushdb.storage.dict.ColumnType.YEAR;
            default -> throw MySqlError.ER_NOT_SUPPORTED_YET.raise("CREATE TABLE ... SELECT of a " + m.type() + " column");
        }
        boolean nullable = m.nullable() || m.type() == MySqlTypeAlias.NULL;
        return new io.flushdb.storage.dict.ColumnDef(name, type, length, precision, scale, Math.max(0, Math.min(6, fsp)),
                unsigned, false, nullable, null,
                nullable ? io.flushdb.storage.dict.ColumnDef.DefaultKind.NULL : io.flushdb.storage.dict.ColumnDef.DefaultKind.NONE,
                false, false, collation, "");
    }

    /** Short alias for the result type enum inside the switch above. */
    private static final class MySqlTypeAlias {
        static final io.flushdb.sql.types.MySqlType VARBINARY = io.flushdb.sql.types.MySqlType.VARBINARY;
        static final io.flushdb.sql.types.MySqlType NULL = io.flushdb.sql.types.MySqlType.NULL;
    }
}
