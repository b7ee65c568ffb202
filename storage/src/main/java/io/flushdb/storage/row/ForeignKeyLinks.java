package io.flushdb.storage.row;

import io.flushdb.storage.dict.ForeignKeyDef;
import java.util.List;

/**
 * The FOREIGN KEY constraints one table takes part in, resolved to the stores and indexes that
 * enforce them (InnoDB's {@code dict_table_t::foreign_set} and {@code referenced_set}): the
 * constraints the table has as a child, and those of any table (itself included) that reference
 * it. The dictionary builds them after every DDL and hands them to each {@link TableStore}; a
 * table in no constraint has none, so its row operations pay one null check.
 *
 * <p>Concurrency: immutable; replaced as a whole.
 */
public final class ForeignKeyLinks {
    /**
     * One constraint, resolved.
     *
     * @param def           the constraint
     * @param child         the child table's store
     * @param childColumns  the child's referencing columns (positions)
     * @param childIndex    the child's index whose leading columns they are (0 clustered, i + 1
     *                      secondary i), where child rows are looked for
     * @param parent        the parent's store, or null when that table does not exist (created with
     *                      foreign_key_checks=0): no child row can then be added
     * @param parentColumns the parent's referenced columns (positions), null with no parent
     * @param parentIndex   the parent's index whose leading columns they are, or -1
     * @param detail        the text errors 1451 and 1452 give for the constraint
     */
    public record Link(ForeignKeyDef def, TableStore child, int[] childColumns, int childIndex, TableStore parent,
                       int[] parentColumns, int parentIndex, String detail) {
    }

    final Link[] asChild;
    final Link[] asParent;

    public ForeignKeyLinks(List<Link> asChild, List<Link> asParent) {
        this.asChild = asChild.toArray(new Link[0]);
        this.asParent = asParent.toArray(new Link[0]);
    }

    /** Whether another table's (or this table's own) constraint references this table. */
    public boolean isReferenced() {
        return asParent.length > 0;
    }
}
