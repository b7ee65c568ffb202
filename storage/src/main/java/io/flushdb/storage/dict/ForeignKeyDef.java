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

    /**
     * The constraint as MySQL 8.0 writes it in SHOW CREATE TABLE and in the text of errors 1451 and
     * 1452: {@code CONSTRAINT `name` FOREIGN KEY (`c`) REFERENCES `parent` (`id`)}, the parent
     * qualified by its database when that is not {@code childDatabase}, then each action that is
     * not the default (NO ACTION, which an unspecified action also is).
     */
    public String clause(String childDatabase) {
        StringBuilder b = new StringBuilder("CONSTRAINT ").append(quote(name)).append(" FOREIGN KEY (");
        appendColumns(b, columns);
        b.append(") REFERENCES ");
        if (!refDatabase.equals(childDatabase)) {
            b.append(quote(refDatabase)).append('.');
        }
        b.append(quote(refTable)).append(" (");
        appendColumns(b, refColumns);
        b.append(')');
        if (onDelete != Action.NO_ACTION) {
            b.append(" ON DELETE ").append(onDelete.sql());
        }
        if (onUpdate != Action.NO_ACTION) {
            b.append(" ON UPDATE ").append(onUpdate.sql());
        }
        return b.toString();
    }

    private static void appendColumns(StringBuilder b, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            b.append(i > 0 ? ", " : "").append(quote(names.get(i)));
        }
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** This constraint with its child columns renamed: {@code from} becomes {@code to} (names compared case-insensitively). */
    public ForeignKeyDef withColumnRenamed(String from, String to) {
        return new ForeignKeyDef(name, renamed(columns, from, to), refDatabase, refTable, refColumns, onDelete, onUpdate);
    }

    /** This constraint with its referenced columns renamed. */
    public ForeignKeyDef withRefColumnRenamed(String from, String to) {
        return new ForeignKeyDef(name, columns, refDatabase, refTable, renamed(refColumns, from, to), onDelete, onUpdate);
    }

    /** This constraint referencing {@code database.table} instead (RENAME TABLE of the parent). */
    public ForeignKeyDef withReferencedTable(String database, String table) {
        return new ForeignKeyDef(name, columns, database, table, refColumns, onDelete, onUpdate);
    }

    private static List<String> renamed(List<String> names, String from, String to) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>(names);
        out.replaceAll(n -> n.equalsIgnoreCase(from) ? to : n);
        return out;
    }

    /** Whether this constraint references the table {@code database.table} (names compared exactly). */
    public boolean references(String database, String table) {
        return refDatabase.equals(database) && refTable.equals(table);
    }
}
