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

    public DdlExecutor(Session session) {
        this.session = session;
        this.dictionary = session.engine().storage().dictionary();
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

    public StatementResult createTable(CreateTable ct) {
        Names.TableName n = Names.resolveForWrite(ct.getTable(), session);
        Names.checkIdentifier(n.table(), MySqlError.ER_WRONG_TABLE_NAME);
        DatabaseDef db = dictionary.database(n.database());
        if (db == null) {
            throw MySqlError.ER_BAD_DB_ERROR.raise(n.database());
        }
        if (ct.getSelect() != null) {
            throw MySqlError.ER_NOT_SUPPORTED_YET.raise("CREATE TABLE ... AS SELECT");
        }
        if (dictionary.table(n.database(), n.table()) != null) {
            if (ct.isIfNotExists()) {
                session.addWarning(new SqlWarning("Note", 1050, "Table '" + n.table() + "' already exists"));
                return StatementResult.updateCount(0, List.of(), 1);
            }
            throw MySqlError.ER_TABLE_EXISTS_ERROR.raise(n.table());
        }
        List<String> warnings = new ArrayList<>();
        TableDef template = ct.getLikeTable() != null ? likeTemplate(ct, n)
                : CreateTableHandler.build(ct, n.database(), n.table(), db.defaultCollation(),
                        session.engine().storage().pageSize(), warnings);
        return withTablesLocked(List.of(), () -> {
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
        return new TableDef(0, n.database(), n.table(), 0, def.columns(), def.indexes(), 1, def.defaultCollation(),
                def.comment(), 0);
    }

    public StatementResult drop(Drop d) {
        String type = d.getType().toUpperCase(Locale.ROOT);
        boolean ifExists = d.isIfExists();
        switch (type) {
            case "DATABASE", "SCHEMA" -> {
                return dropDatabase(SqlText.unquote(d.getName().getName()), ifExists);
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
        return withTablesLocked(found, () -> {
            for (TableEntry e : found) {
                dictionary.dropTable(e.def().database(), e.def().name());
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
        return withTablesLocked(List.of(e), () -> {
            dictionary.dropIndex(n.database(), n.table(), ix.name());
            return StatementResult.updateCount(0, List.of(), 0);
        });
    }
}
