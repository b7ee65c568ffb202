package io.flushdb.sql.infoschema;

import io.flushdb.sql.session.Session;
import io.flushdb.storage.dict.DatabaseDef;
import io.flushdb.storage.dict.Dictionary;
import io.flushdb.storage.dict.IndexDef;
import io.flushdb.storage.dict.TableEntry;
import io.flushdb.storage.trx.Transaction;
import io.flushdb.storage.trx.lock.LockView;
import io.flushdb.storage.trx.lock.WaitView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of {@code performance_schema} that FlushDB keeps: {@code data_locks} (every table
 * and record lock the lock system holds or waits for) and {@code data_lock_waits} (each waiting
 * request with each lock that blocks it), with MySQL 8.0's columns. Both are read from a snapshot
 * of the lock system ({@code LockSys.locks()} and {@code waits()}), taken under its mutex.
 *
 * <p>Differences from MySQL, which has no such database without its performance schema: there is
 * no {@code threads} table, so {@code THREAD_ID} is the session's connection id
 * ({@code CONNECTION_ID()}, MySQL's {@code PROCESSLIST_ID}) and {@code EVENT_ID} is NULL;
 * {@code ENGINE_LOCK_ID} is {@code <trx id>:<lock id>}, opaque as in MySQL;
 * {@code OBJECT_INSTANCE_BEGIN} is the lock id.
 */
final class PerformanceSchema {
    static final String NAME = "performance_schema";

    static final InfoSchemaTable DATA_LOCKS = InfoSchemaTable.named("data_locks")
            .varchar("ENGINE", 32).notNull()
            .varchar("ENGINE_LOCK_ID", 128).notNull()
            .bigintUnsigned("ENGINE_TRANSACTION_ID")
            .bigintUnsigned("THREAD_ID")
            .bigintUnsigned("EVENT_ID")
            .varchar("OBJECT_SCHEMA", 64)
            .varchar("OBJECT_NAME", 64)
            .varchar("PARTITION_NAME", 64)
            .varchar("SUBPARTITION_NAME", 64)
            .varchar("INDEX_NAME", 64)
            .bigintUnsigned("OBJECT_INSTANCE_BEGIN").notNull()
            .varchar("LOCK_TYPE", 32).notNull()
            .varchar("LOCK_MODE", 32).notNull()
            .varchar("LOCK_STATUS", 32).notNull()
            .varchar("LOCK_DATA", 8192)
            .rows(PerformanceSchema::dataLocks);

    static final InfoSchemaTable DATA_LOCK_WAITS = InfoSchemaTable.named("data_lock_waits")
            .varchar("ENGINE", 32).notNull()
            .varchar("REQUESTING_ENGINE_LOCK_ID", 128).notNull()
            .bigintUnsigned("REQUESTING_ENGINE_TRANSACTION_ID")
            .bigintUnsigned("REQUESTING_THREAD_ID")
            .bigintUnsigned("REQUESTING_EVENT_ID")
            .bigintUnsigned("REQUESTING_OBJECT_INSTANCE_BEGIN").notNull()
            .varchar("BLOCKING_ENGINE_LOCK_ID", 128).notNull()
            .bigintUnsigned("BLOCKING_ENGINE_TRANSACTION_ID")
            .bigintUnsigned("BLOCKING_THREAD_ID")
            .bigintUnsigned("BLOCKING_EVENT_ID")
            .bigintUnsigned("BLOCKING_OBJECT_INSTANCE_BEGIN").notNull()
            .rows(PerformanceSchema::dataLockWaits);

    /** Every table of performance_schema FlushDB has. */
    static final List<InfoSchemaTable> DECLARED = List.of(DATA_LOCKS, DATA_LOCK_WAITS);

    private static final String ENGINE = "INNODB";

    private PerformanceSchema() {
    }

    private static List<Object[]> dataLocks(InfoSchemaContext ctx) {
        Objects objects = Objects.of(ctx.dictionary());
        Map<Long, Long> threads = threadsByTrx(ctx);
        List<Object[]> out = new ArrayList<>();
        for (LockView l : ctx.engine().storage().lockSys().locks()) {
            Objects.Named n = l.table() ? objects.tables.get(l.objectId()) : objects.indexes.get(l.objectId());
            out.add(new Object[] {ENGINE, lockId(l), l.trxId(), threads.get(l.trxId()), null,
                n == null ? null : n.schema, n == null ? null : n.table, null, null,
                n == null ? null : n.index, l.lockId(), l.lockType(), l.lockMode(), l.lockStatus(), l.lockData()});
        }
        return out;
    }

    private static List<Object[]> dataLockWaits(InfoSchemaContext ctx) {
        Map<Long, Long> threads = threadsByTrx(ctx);
        List<Object[]> out = new ArrayList<>();
        for (WaitView w : ctx.engine().storage().lockSys().waits()) {
            LockView r = w.requesting();
            LockView b = w.blocking();
            out.add(new Object[] {ENGINE, lockId(r), r.trxId(), threads.get(r.trxId()), null, r.lockId(),
                lockId(b), b.trxId(), threads.get(b.trxId()), null, b.lockId()});
        }
        return out;
    }

    private static String lockId(LockView l) {
        return l.trxId() + ":" + l.lockId();
    }

    /** Transaction id to the connection id of the session running it. */
    private static Map<Long, Long> threadsByTrx(InfoSchemaContext ctx) {
        Map<Long, Long> out = new HashMap<>();
        for (Session s : ctx.engine().status().sessions()) {
            Transaction trx = s.currentTransaction();
            if (trx != null && trx.id() != 0) {
                out.put(trx.id(), s.connectionId());
            }
        }
        return out;
    }

    /** Schema, table and index names by table id and by index id, from the dictionary as it is now. */
    private record Objects(Map<Long, Named> tables, Map<Long, Named> indexes) {
        record Named(String schema, String table, String index) {
        }

        static Objects of(Dictionary dictionary) {
            Map<Long, Named> tables = new HashMap<>();
            Map<Long, Named> indexes = new HashMap<>();
            for (DatabaseDef db : dictionary.databases()) {
                for (TableEntry e : dictionary.tables(db.name())) {
                    tables.put(e.def().id(), new Named(db.name(), e.def().name(), null));
                    for (IndexDef i : e.def().indexes()) {
                        indexes.put(i.id(), new Named(db.name(), e.def().name(), i.name()));
                    }
                }
            }
            return new Objects(tables, indexes);
        }
    }
}
