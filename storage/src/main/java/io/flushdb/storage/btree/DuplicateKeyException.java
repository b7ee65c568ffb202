package io.flushdb.storage.btree;

/**
 * An insert or update would give a unique index two entries with the same key. Nothing was
 * changed. Carries the index name and the conflicting key values for MySQL's message
 * ("Duplicate entry '...' for key '...'").
 */
public final class DuplicateKeyException extends RuntimeException {
    private final String indexName;
    private final transient Object[] keyValues;

    public DuplicateKeyException(String indexName, Object[] keyValues) {
        super("duplicate key in index " + indexName);
        this.indexName = indexName;
        this.keyValues = keyValues;
    }

    public String indexName() {
        return indexName;
    }

    public Object[] keyValues() {
        return keyValues;
    }
}
