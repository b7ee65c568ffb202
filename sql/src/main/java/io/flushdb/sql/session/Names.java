package io.flushdb.sql.session;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.parse.SqlText;
import io.flushdb.storage.dict.TableEntry;
import net.sf.jsqlparser.schema.Table;

/** Resolution of table references against the session's default database and the dictionary. */
public final class Names {
    /** A resolved table name. */
    public record TableName(String database, String table) {
        @Override
        public String toString() {
            return database + "." + table;
        }
    }

    /** The name of the read-only information_schema database, as MySQL spells it. */
    public static final String INFORMATION_SCHEMA = "information_schema";

    private Names() {
    }

    /** The name of the read-only performance_schema database, as MySQL spells it. */
    public static final String PERFORMANCE_SCHEMA = "performance_schema";

    /**
     * The canonical name of the read-only system database {@code database} names
     * (information_schema or performance_schema, in any letter case), or null for any other.
     */
    public static String systemDatabase(String database) {
        if (INFORMATION_SCHEMA.equalsIgnoreCase(database)) {
            return INFORMATION_SCHEMA;
        }
        return PERFORMANCE_SCHEMA.equalsIgnoreCase(database) ? PERFORMANCE_SCHEMA : null;
    }

    /** Whether {@code database} names information_schema: in MySQL, in any letter case. */
    public static boolean isInformationSchema(String database) {
        return INFORMATION_SCHEMA.equalsIgnoreCase(database);
    }

    /**
     * The database and table a reference names; 1046 if it needs a default database and there is
     * none. A system database is named by its canonical name ({@link #systemDatabase}) however it
     * was written.
     */
    public static TableName resolve(Table t, Session session) {
        String db = t.getSchemaName() == null ? null : SqlText.unquote(t.getSchemaName());
        String name = SqlText.unquote(t.getName());
        if (db == null) {
            db = session.database();
            if (db == null) {
                throw MySqlError.ER_NO_DB_ERROR.raise();
            }
        }
        String system = systemDatabase(db);
        return new TableName(system != null ? system : db, name);
    }

    /**
     * {@link #resolve} for a statement that writes the table or changes its definition:
     * information_schema and performance_schema are read-only, and MySQL refuses such statements
     * on them as it refuses every privilege there but SELECT (error 1044).
     */
    public static TableName resolveForWrite(Table t, Session session) {
        TableName n = resolve(t, session);
        checkWritable(n.database());
        return n;
    }

    /** Error 1044 if {@code database} is information_schema or performance_schema. */
    public static void checkWritable(String database) {
        String system = systemDatabase(database);
        if (system != null) {
            throw MySqlError.ER_DBACCESS_DENIED_ERROR.raise(Session.USER, Session.HOST, system);
        }
    }

    /** The table named, or error 1146 (MySQL's names are case-sensitive here, as on Linux). */
    public static TableEntry existing(TableName n, Session session) {
        TableEntry e = session.engine().storage().dictionary().table(n.database(), n.table());
        if (e == null) {
            throw MySqlError.ER_NO_SUCH_TABLE.raise(n.database(), n.table());
        }
        return e;
    }

    /** Identifier checks MySQL makes on names it creates. */
    public static void checkIdentifier(String name, MySqlError onBad) {
        if (name.isEmpty() || name.endsWith(" ")) {
            throw onBad.raise(name);
        }
        if (name.length() > 64) {
            throw MySqlError.ER_TOO_LONG_IDENT.raise(name);
        }
    }
}
