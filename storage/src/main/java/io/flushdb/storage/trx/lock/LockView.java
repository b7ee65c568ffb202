package io.flushdb.storage.trx.lock;

/**
 * One lock or waiting request as {@code performance_schema.data_locks} shows it (a snapshot).
 *
 * @param lockId unique within the lock system while the lock exists (the number part of
 *     {@code ENGINE_LOCK_ID})
 * @param table a table lock ({@code LOCK_TYPE} TABLE) rather than a record lock (RECORD)
 * @param objectId the table id of a table lock, the index id of a record lock
 * @param objectName the describer's name of the table or index
 * @param key the record's key (a copy), {@link LockSys#SUPREMUM} for the supremum, null for a table
 * @param lockMode {@code LOCK_MODE}: {@code IX}, {@code S}, {@code X,GAP},
 *     {@code X,REC_NOT_GAP}, {@code X,GAP,INSERT_INTENTION}...
 * @param waiting {@code LOCK_STATUS} WAITING rather than GRANTED
 * @param lockData {@code LOCK_DATA}: the describer's key text, {@code supremum pseudo-record}, or
 *     null for a table lock
 */
public record LockView(long lockId, long trxId, boolean table, long objectId, String objectName, byte[] key,
        boolean supremum, String lockMode, boolean waiting, String lockData) {

    /** {@code LOCK_TYPE}: {@code TABLE} or {@code RECORD}. */
    public String lockType() {
        return table ? "TABLE" : "RECORD";
    }

    /** {@code LOCK_STATUS}: {@code WAITING} or {@code GRANTED}. */
    public String lockStatus() {
        return waiting ? "WAITING" : "GRANTED";
    }
}
