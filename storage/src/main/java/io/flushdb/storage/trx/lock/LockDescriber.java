package io.flushdb.storage.trx.lock;

import java.util.HexFormat;

/**
 * Names what locks are on, for the deadlock report and the views: the lock system knows only ids
 * and key bytes, the dictionary knows names and column types.
 *
 * <p>Threads: the deadlock report calls it with the {@link LockSys} mutex held (inside a lock
 * request, under the caller's page latches), so an implementation must not acquire a latch or
 * block; the views call it without the mutex.
 */
public interface LockDescriber {
    /**
     * The index as the status report names it after the word "index", for instance
     * {@code `PRIMARY` of table `db`.`t`}.
     */
    String index(long indexId);

    /**
     * A record's key as text: the field lines of the status report, or
     * {@code data_locks.LOCK_DATA} ({@code 1, 'abc'}). Never called for the supremum.
     */
    String key(long indexId, byte[] key);

    /** The table as the status report names it, for instance {@code `db`.`t`}. */
    String table(long tableId);

    /** The describer used until one is set: ids and hex. */
    LockDescriber IDS = new LockDescriber() {
        @Override
        public String index(long indexId) {
            return "id " + indexId;
        }

        @Override
        public String key(long indexId, byte[] key) {
            return "hex " + HexFormat.of().formatHex(key);
        }

        @Override
        public String table(long tableId) {
            return "id " + tableId;
        }
    };
}
