package io.flushdb.sql.infoschema;

import io.flushdb.sql.session.Session;
import io.flushdb.sql.vars.SystemVariables;
import io.flushdb.storage.trx.Transaction;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code information_schema.INNODB_TRX}: one row per started transaction (one that changed rows
 * or took row locks), with InnoDB's 25 columns.
 *
 * <p>From FlushDB's transaction: the id, the state (LOCK WAIT while its lock request waits, else
 * RUNNING), the start time, the weight (undo entries plus locks, InnoDB's measure for the
 * deadlock victim), the lock structs and record locks in the lock system, the rows modified (undo
 * entries) and the session's isolation level. Not tracked, and so NULL or 0: the id of the
 * lock waited for and when the wait began, the statement text, the operation state, the tables in
 * use and locked, the lock memory and the adaptive hash index columns.
 *
 * <p>Read without synchronisation from another session's thread: a racy snapshot, as InnoDB's.
 */
final class InnodbTrx {
    static final InfoSchemaTable TABLE = InfoSchemaTable.named("INNODB_TRX")
            .bigintUnsigned("trx_id").notNull()
            .varchar("trx_state", 13).notNull()
            .datetime("trx_started").notNull()
            .varchar("trx_requested_lock_id", 105)
            .datetime("trx_wait_started")
            .bigintUnsigned("trx_weight").notNull()
            .bigintUnsigned("trx_mysql_thread_id").notNull()
            .varchar("trx_query", 1024)
            .varchar("trx_operation_state", 64)
            .bigintUnsigned("trx_tables_in_use").notNull()
            .bigintUnsigned("trx_tables_locked").notNull()
            .bigintUnsigned("trx_lock_structs").notNull()
            .bigintUnsigned("trx_lock_memory_bytes").notNull()
            .bigintUnsigned("trx_rows_locked").notNull()
            .bigintUnsigned("trx_rows_modified").notNull()
            .bigintUnsigned("trx_concurrency_tickets").notNull()
            .varchar("trx_isolation_level", 16).notNull()
            .integer("trx_unique_checks").notNull()
            .integer("trx_foreign_key_checks").notNull()
            .varchar("trx_last_foreign_key_error", 256)
            .integer("trx_adaptive_hash_latched").notNull()
            .bigintUnsigned("trx_adaptive_hash_timeout").notNull()
            .integer("trx_is_read_only").notNull()
            .integer("trx_autocommit_non_locking").notNull()
            .bigintUnsigned("trx_schedule_weight")
            .rows(InnodbTrx::rows);

    private InnodbTrx() {
    }

    private static List<Object[]> rows(InfoSchemaContext ctx) {
        List<Object[]> out = new ArrayList<>();
        for (Session s : ctx.engine().status().sessions()) {
            Transaction trx = s.currentTransaction();
            if (trx == null || !(trx.hasChanges() || trx.locksRows())) {
                continue;
            }
            int structs = trx.lockStructs();
            long undo = trx.undoEntries();
            LocalDateTime started = LocalDateTime.ofInstant(Instant.ofEpochMilli(s.status().transactionStartMillis()),
                    ctx.zone());
            String isolation = SystemVariables.isolationName(s.isolationLevel()).replace('-', ' ');
            out.add(new Object[] {
                trx.id(), trx.waitsForLock() ? "LOCK WAIT" : "RUNNING", started, null, null,
                undo + structs, s.connectionId(), null, null,
                0L, 0L, (long) structs, 0L, (long) trx.rowLocks(), undo,
                0L, isolation, 1, 1, null,
                0, 0L, 0, 0, null});
        }
        return out;
    }
}
