package io.flushdb.storage.dict;

import java.util.List;

/**
 * A FOREIGN KEY constraint of a child table, as the dictionary records it. Columns are kept by
 * name (as InnoDB's dictionary does), so renaming or reordering columns does not renumber them.
 *
 * @param name        constraint name (unique in the database, as in MySQL)
 * @param columns     the child table's referencing columns, in order
 * @param refDatabase the referenced (parent) table's database
 * @param refTable    the referenced table's name
 * @param refColumns  the referenced columns, in order (same count as {@code columns})
 * @param onDelete    the action when a referenced parent row is deleted
 * @param onUpdate    the action when a referenced parent key is changed
 */
public record ForeignKeyDef(String name, List<String> columns, String refDatabase, String refTable,
                            List<String> refColumns, Action onDelete, Action onUpdate) {

    /** A referential action. RESTRICT and NO ACTION behave alike in InnoDB (checked at once). */
    public enum Action {
        RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"), NO_ACTION("NO ACTION"),
        SET_DEFAULT("SET DEFAULT");

        private final String sql;

        Action(String sql) {
            this.sql = sql;
        }

        /** The action as SQL writes it. */
        public String sql() {
            return sql;
        }
    }

    public ForeignKeyDef {
        columns = List.copyOf(columns);
        refColumns = List.copyOf(refColumns);
        if (columns.isEmpty() || columns.size() != refColumns.size()) {
            throw new IllegalArgumentException("foreign key " + name + ": column counts differ");
        }
    }

    /** Whether this constraint references the table {@code database.table} (names compared exactly). */
    public boolean references(String database, String table) {
        return refDatabase.equals(database) && refTable.equals(table);
    }
}
