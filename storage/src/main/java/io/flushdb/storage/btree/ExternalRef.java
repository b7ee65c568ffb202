package io.flushdb.storage.btree;

/**
 * A long value stored on an overflow chain, as it appears in a record: the chain's first page
 * and the value's length in bytes. The chain lives in the same tablespace as the record.
 */
public record ExternalRef(int firstPage, long length) {
    /** Bytes the reference takes in a record, after its marker byte. */
    static final int SIZE = 8;
}
