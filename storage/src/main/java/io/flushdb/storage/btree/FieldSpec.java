package io.flushdb.storage.btree;

import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.ColumnType;
import io.flushdb.storage.dict.ColumnType.Encoding;
import io.flushdb.storage.dict.Collation;

/**
 * The physical description of one field of a record: how its value is encoded and compared.
 *
 * @param encoding       the value encoding
 * @param width          bytes of a fixed-width value; -1 for variable-length fields
 * @param unsigned       INT fields: compare and decode as unsigned
 * @param nullable       whether the field has a bit in the record's null bitmap
 * @param collation      STRING fields: the collation that orders them
 * @param externalizable whether a long value may be stored on overflow pages
 * @param scale          DECIMAL scale
 */
public record FieldSpec(Encoding encoding, int width, boolean unsigned, boolean nullable, Collation collation,
                        boolean externalizable, int scale) {

    /** An 8-byte unsigned integer that is never null: row ids, transaction ids, roll pointers. */
    public static final FieldSpec SYSTEM_U64 = new FieldSpec(Encoding.INT, 8, true, false, null, false, 0);

    /** The field that stores a column's values. */
    public static FieldSpec of(ColumnDef c, boolean inKey) {
        ColumnType t = c.type();
        int width = switch (t.encoding()) {
            case INT -> t.intWidth();
            case FLOAT, DATE -> 4;
            case DOUBLE, TIME, DATETIME, TIMESTAMP -> 8;
            case DECIMAL -> c.decimalWidth();
            case STRING, BYTES -> -1;
        };
        return new FieldSpec(t.encoding(), width, c.unsigned() || t.isBitmapped(), c.nullable(),
                c.isCollated() ? c.collation() : null,
                !inKey && t.isVariable(), c.scale());
    }

    public boolean isVariable() {
        return width < 0;
    }
}
