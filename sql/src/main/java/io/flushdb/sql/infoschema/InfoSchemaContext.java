package io.flushdb.sql.infoschema;

import io.flushdb.sql.SqlEngine;
import io.flushdb.sql.session.Session;
import io.flushdb.storage.dict.Dictionary;
import java.time.ZoneId;

/**
 * What a table's row function ({@link InfoSchemaTable.Rows}) is given: the session executing the
 * statement (its variables, default database, connection id), the engine, the session's time zone
 * for temporal values, and which columns the statement reads, so that a costly value (such as
 * TABLES.TABLE_ROWS, which walks the table's indexes) is computed only when asked for.
 */
public final class InfoSchemaContext {
    private final Session session;
    private final ZoneId zone;
    private final boolean[] reads;

    /**
     * @param reads for each column of the table, whether the statement reads it
     */
    public InfoSchemaContext(Session session, ZoneId zone, boolean[] reads) {
        this.session = session;
        this.zone = zone;
        this.reads = reads;
    }

    /** The session executing the statement. */
    public Session session() {
        return session;
    }

    public SqlEngine engine() {
        return session.engine();
    }

    public Dictionary dictionary() {
        return session.engine().storage().dictionary();
    }

    /** The session's time zone: DATETIME and TIMESTAMP values are local date-times in it. */
    public ZoneId zone() {
        return zone;
    }

    /** Whether the statement reads column {@code column} (its position); other values may be left null. */
    public boolean reads(int column) {
        return reads[column];
    }
}
