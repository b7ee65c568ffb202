package io.flushdb.storage.dict;

/** A DDL request the dictionary refuses; the kind says which MySQL error it is. */
public final class DictionaryException extends RuntimeException {
    public enum Kind {
        DATABASE_EXISTS,
        NO_SUCH_DATABASE,
        TABLE_EXISTS,
        NO_SUCH_TABLE,
        INDEX_EXISTS,
        NO_SUCH_INDEX,
        MISSING_TABLESPACE
    }

    private final Kind kind;
    private final String database;
    private final String object;

    public DictionaryException(Kind kind, String database, String object) {
        super(kind + ": " + (database == null ? "" : database + ".") + (object == null ? "" : object));
        this.kind = kind;
        this.database = database;
        this.object = object;
    }

    public Kind kind() {
        return kind;
    }

    public String database() {
        return database;
    }

    /** The table or index name, or null for database errors. */
    public String object() {
        return object;
    }
}
