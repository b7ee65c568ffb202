package io.flushdb.storage.dict;

import java.util.Arrays;

/**
 * One index of a table. Index 0 of every table is its clustered index: the PRIMARY KEY, or, for a
 * table without one, {@code GEN_CLUST_INDEX} over a hidden 8-byte row id. Secondary indexes store
 * their columns followed by the primary key columns not already among them.
 *
 * @param id        index id, unique in the data directory
 * @param name      index name ("PRIMARY" for the primary key)
 * @param kind      primary, unique or plain
 * @param columns   positions of the indexed columns in the table's column list, in key order
 *                  (empty for GEN_CLUST_INDEX)
 * @param rootPage  page number of the B+tree root in the table's tablespace (fixed for the
 *                  index's life)
 */
public record IndexDef(long id, String name, Kind kind, int[] columns, int rootPage) {

    public enum Kind {
        PRIMARY,
        UNIQUE,
        INDEX,
        /** The clustered index of a table without a primary key, on the hidden row id. */
        GENERATED_CLUSTERED
    }

    public static final String PRIMARY_NAME = "PRIMARY";
    public static final String GENERATED_CLUSTERED_NAME = "GEN_CLUST_INDEX";

    public boolean isUnique() {
        return kind == Kind.PRIMARY || kind == Kind.UNIQUE;
    }

    public boolean isClustered() {
        return kind == Kind.PRIMARY || kind == Kind.GENERATED_CLUSTERED;
    }

    public IndexDef withRootPage(int newRoot) {
        return new IndexDef(id, name, kind, columns, newRoot);
    }

    public IndexDef withName(String newName) {
        return new IndexDef(id, newName, kind, columns, rootPage);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexDef other && id == other.id && name.equals(other.name) && kind == other.kind
                && Arrays.equals(columns, other.columns) && rootPage == other.rootPage;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + Arrays.hashCode(columns);
    }

    @Override
    public String toString() {
        return "IndexDef[" + name + " " + kind + " " + Arrays.toString(columns) + " root " + rootPage + "]";
    }
}
