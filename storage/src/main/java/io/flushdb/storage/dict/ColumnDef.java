package io.flushdb.storage.dict;

/**
 * One column as the dictionary records it.
 *
 * @param name                column name as written in CREATE TABLE (compared case-insensitively)
 * @param type                MySQL type
 * @param length              CHAR/VARCHAR length in characters, BINARY/VARBINARY length in bytes,
 *                            display width of integer types (0 = none given)
 * @param precision           DECIMAL precision (also FLOAT/DOUBLE (M,D) when given, else 0)
 * @param scale               DECIMAL scale (or FLOAT/DOUBLE D)
 * @param fsp                 fractional seconds precision of TIME/DATETIME/TIMESTAMP (0..6)
 * @param unsigned            UNSIGNED integer or decimal
 * @param zerofill            ZEROFILL (display only)
 * @param nullable            NULL allowed
 * @param defaultValue        default as a literal's text, or null for no default / DEFAULT NULL
 * @param defaultKind         whether the column has a default and of which kind
 * @param autoIncrement       AUTO_INCREMENT
 * @param onUpdateCurrentTimestamp  ON UPDATE CURRENT_TIMESTAMP
 * @param collation           collation of string columns (null for other types)
 * @param comment             COMMENT text ("" if none)
 * @param extra               ENUM/SET members and the generation expression ({@link Extra#NONE} if none)
 */
public record ColumnDef(String name, ColumnType type, long length, int precision, int scale, int fsp,
                        boolean unsigned, boolean zerofill, boolean nullable, String defaultValue,
                        DefaultKind defaultKind, boolean autoIncrement, boolean onUpdateCurrentTimestamp,
                        Collation collation, String comment, Extra extra) {

    /**
     * What some columns have beyond a plain type.
     *
     * @param elements             the members of an ENUM or SET, in declared order (empty otherwise)
     * @param generationExpression the expression of a generated column as SQL text (null if not generated)
     * @param storedGenerated      STORED (true) or VIRTUAL (false) generated column
     */
    public record Extra(java.util.List<String> elements, String generationExpression, boolean storedGenerated) {

        public static final Extra NONE = new Extra(java.util.List.of(), null, false);

        public Extra {
            elements = java.util.List.copyOf(elements);
        }
    }

    /** A column with nothing beyond its type ({@link Extra#NONE}). */
    public ColumnDef(String name, ColumnType type, long length, int precision, int scale, int fsp,
                     boolean unsigned, boolean zerofill, boolean nullable, String defaultValue,
                     DefaultKind defaultKind, boolean autoIncrement, boolean onUpdateCurrentTimestamp,
                     Collation collation, String comment) {
        this(name, type, length, precision, scale, fsp, unsigned, zerofill, nullable, defaultValue, defaultKind,
                autoIncrement, onUpdateCurrentTimestamp, collation, comment, Extra.NONE);
    }

    /** What a column's DEFAULT is. */
    public enum DefaultKind {
        /** No DEFAULT clause; a NOT NULL column then has no default (MySQL's "no default value"). */
        NONE,
        /** DEFAULT NULL (or no clause on a nullable column). */
        NULL,
        /** DEFAULT with a literal, held in {@link ColumnDef#defaultValue()} as text. */
        LITERAL,
        /** DEFAULT CURRENT_TIMESTAMP (or NOW(), with fsp). */
        CURRENT_TIMESTAMP
    }

    public ColumnDef {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("column name missing");
        }
        if (comment == null) {
            comment = "";
        }
        if (extra == null) {
            extra = Extra.NONE;
        }
    }

    /** Whether the column is a generated column (its value computed from other columns). */
    public boolean isGenerated() {
        return extra.generationExpression() != null;
    }

    public ColumnDef withExtra(Extra newExtra) {
        return new ColumnDef(name, type, length, precision, scale, fsp, unsigned, zerofill, nullable,
                defaultValue, defaultKind, autoIncrement, onUpdateCurrentTimestamp, collation, comment, newExtra);
    }

    public ColumnDef withName(String newName) {
        return new ColumnDef(newName, type, length, precision, scale, fsp, unsigned, zerofill, nullable,
                defaultValue, defaultKind, autoIncrement, onUpdateCurrentTimestamp, collation, comment, extra);
    }

    public ColumnDef withNullable(boolean newNullable) {
        return new ColumnDef(name, type, length, precision, scale, fsp, unsigned, zerofill, newNullable,
                defaultValue, defaultKind, autoIncrement, onUpdateCurrentTimestamp, collation, comment, extra);
    }

    /** Whether a value of this column is compared by collation (strings) rather than by bytes. */
    public boolean isCollated() {
        return type.encoding() == ColumnType.Encoding.STRING;
    }

    /** Bytes a DECIMAL value takes in a record. */
    public int decimalWidth() {
        return ColumnType.decimalWidth(precision);
    }

    /** The longest value in bytes the column can hold (for key-length checks); -1 if unbounded. */
    public long maxBytes() {
        return switch (type.encoding()) {
            case INT -> type.intWidth();
            case FLOAT -> 4;
            case DOUBLE, TIME, DATETIME, TIMESTAMP -> 8;
            case DATE -> 4;
            case DECIMAL -> decimalWidth();
            case STRING -> type.isLob() ? type.lobMaxLength() : length * 4;
            case BYTES -> type.isLob() ? type.lobMaxLength() : length;
        };
    }
}
