package io.flushdb.storage.btree;

import java.nio.ByteBuffer;

/**
 * A forward cursor over one index, positioned by key: the plain {@link BTreeCursor} and a locking
 * read's cursor ({@code row.LockingCursor}) both are, so a scan is written once for both.
 */
public interface IndexCursor {
    /** Positions before the first record. */
    void seekFirst();

    /** Positions before the first record whose first {@code nFields} fields are {@code >= key} ({@code inclusive}) or {@code > key}. */
    void seek(ByteBuffer key, RecordLayout kl, int nFields, boolean inclusive);

    /** Stops after the records whose first {@code nFields} fields are {@code <= key} ({@code inclusive}) or {@code < key}. */
    void setUpperBound(ByteBuffer key, RecordLayout kl, int nFields, boolean inclusive);

    /** Advances to the next record; false at the end. */
    boolean next();

    /** The buffer holding the current record. */
    ByteBuffer buffer();

    /** The current record's offset in {@link #buffer()}. */
    int record();
}
