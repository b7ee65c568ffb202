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

    private Names() {
    }

    /** The database and table a reference names; 1046 if it needs a default database and there is none. */
    public static TableName resolve(Table t, Session session) {
        String db = t.getSchemaName() == null ? null : SqlText.unquote(t.getSchemaName());
        String name = SqlText.unquote(t.getName());
        if (db == null) {
            db = session.database();
            if (db == null) {
                throw MySqlError.ER_NO_DB_ERROR.raise();
            }
        }
        return new TableName(db, name);
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
