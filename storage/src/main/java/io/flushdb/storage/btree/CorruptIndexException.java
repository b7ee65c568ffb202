package io.flushdb.storage.btree;

/** A B+tree failed a structural check: names the index and what was wrong where. */
public final class CorruptIndexException extends RuntimeException {
    public CorruptIndexException(String message) {
        super(message);
    }
}
