package io.flushdb.sql.catalog;

import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.IndexDef;
import io.flushdb.storage.dict.TableDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One column of one index as MySQL 8.0 describes it: a row of {@code SHOW INDEX} and of
 * {@code information_schema.STATISTICS}, and, for PRIMARY and UNIQUE keys, of
 * {@code KEY_COLUMN_USAGE}. {@code GEN_CLUST_INDEX}, the hidden clustered index of a table
 * without a primary key, is not shown, as in MySQL.
 *
 * @param indexName  index name ({@code PRIMARY} for the primary key)
 * @param kind       primary, unique or plain
 * @param seq        position of the column in the index, from 1
 * @param columnName the indexed column
 * @param nullable   whether the column allows NULL
 */
public record KeyPartDescription(String indexName, IndexDef.Kind kind, int seq, String columnName, boolean nullable) {

    public boolean unique() {
        return kind == IndexDef.Kind.PRIMARY || kind == IndexDef.Kind.UNIQUE;
    }

    /** Every index column of {@code def}, index by index in MySQL's key order, then by position. */
    public static List<KeyPartDescription> of(TableDef def) {
        List<KeyPartDescription> out = new ArrayList<>();
        for (IndexDef ix : mysqlKeyOrder(def.columns(), def.indexes())) {
            int seq = 1;
            for (int c : ix.columns()) {
                ColumnDef col = def.columns().get(c);
                out.add(new KeyPartDescription(ix.name(), ix.kind(), seq++, col.name(), col.nullable()));
            }
        }
        return out;
    }

    /**
     * The visible indexes in the order MySQL keeps a table's keys (its {@code sort_keys}): unique
     * keys before the others; among unique keys, those whose columns are all NOT NULL first, and
     * the primary key first of all; otherwise the order of creation.
     */
    public static List<IndexDef> mysqlKeyOrder(List<ColumnDef> columns, List<IndexDef> indexes) {
        List<IndexDef> out = new ArrayList<>();
        for (IndexDef ix : indexes) {
            if (ix.kind() != IndexDef.Kind.GENERATED_CLUSTERED) {
                out.add(ix);
            }
        }
        out.sort(Comparator.comparingInt((IndexDef ix) -> ix.isUnique() ? 0 : 1)
                .thenComparingInt(ix -> ix.isUnique() && hasNullableColumn(columns, ix) ? 1 : 0)
                .thenComparingInt(ix -> ix.kind() == IndexDef.Kind.PRIMARY ? 0 : 1));
        return out;
    }

    /**
     * The index MySQL treats as the primary key: the PRIMARY KEY, or in a table without one the
     * first unique index (in key order) whose columns are all NOT NULL; null if there is neither.
     */
    public static IndexDef effectivePrimary(List<ColumnDef> columns, List<IndexDef> indexes) {
        List<IndexDef> ordered = mysqlKeyOrder(columns, indexes);
        // Key order puts the primary key first, and else an all-NOT-NULL unique index first.
        IndexDef first = ordered.isEmpty() ? null : ordered.get(0);
        if (first != null && (first.kind() == IndexDef.Kind.PRIMARY
                || first.kind() == IndexDef.Kind.UNIQUE && !hasNullableColumn(columns, first))) {
            return first;
        }
        return null;
    }

    private static boolean hasNullableColumn(List<ColumnDef> columns, IndexDef ix) {
        for (int c : ix.columns()) {
            if (columns.get(c).nullable()) {
                return true;
            }
        }
        return false;
    }
}
