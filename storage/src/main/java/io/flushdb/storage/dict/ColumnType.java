package io.flushdb.storage.dict;

/**
 * MySQL column types as the dictionary records them, each with the physical encoding
 * ({@link Encoding}) its values take in a record. The SQL layer maps these to its own types; the
 * storage layer needs only the encoding, to store and to compare values.
 */
public enum ColumnType {
    TINYINT(Encoding.INT, 1),
    SMALLINT(Encoding.INT, 2),
    MEDIUMINT(Encoding.INT, 3),
    INT(Encoding.INT, 4),
    BIGINT(Encoding.INT, 8),
    /** Stored like TINYINT; kept distinct so {@code SHOW CREATE TABLE} can say "tinyint(1)". */
    BOOLEAN(Encoding.INT, 1),
    FLOAT(Encoding.FLOAT, 4),
    DOUBLE(Encoding.DOUBLE, 8),
    DECIMAL(Encoding.DECIMAL, 0),
    CHAR(Encoding.STRING, 0),
    VARCHAR(Encoding.STRING, 0),
    TINYTEXT(Encoding.STRING, 0),
    TEXT(Encoding.STRING, 0),
    MEDIUMTEXT(Encoding.STRING, 0),
    LONGTEXT(Encoding.STRING, 0),
    BINARY(Encoding.BYTES, 0),
    VARBINARY(Encoding.BYTES, 0),
    TINYBLOB(Encoding.BYTES, 0),
    BLOB(Encoding.BYTES, 0),
    MEDIUMBLOB(Encoding.BYTES, 0),
    LONGBLOB(Encoding.BYTES, 0),
    /** Days since 1970-01-01, as an int. */
    DATE(Encoding.DATE, 4),
    /** Microseconds, signed (MySQL's range is ±838:59:59). */
    TIME(Encoding.TIME, 8),
    /** Microseconds since 1970-01-01 00:00:00 of the wall clock, no time zone. */
    DATETIME(Encoding.DATETIME, 8),
    /** Microseconds since the epoch, UTC. */
    TIMESTAMP(Encoding.TIMESTAMP, 8),
    /** A year 1901..2155 (0 for the zero year), stored like SMALLINT. */
    YEAR(Encoding.INT, 2),
    /** BIT(M), M of 1..64 ({@link ColumnDef#length()}): the bits as an unsigned 64-bit integer. */
    BIT(Encoding.INT, 8),
    /**
     * ENUM: the 1-based index of the member (0 for the error value ''), unsigned 16 bits. The
     * members are {@link ColumnDef.Extra#elements()}.
     */
    ENUM(Encoding.INT, 2),
    /** SET: a bitmask of the members present (bit i for member i), unsigned 64 bits. */
    SET(Encoding.INT, 8),
    /** JSON: the document's canonical text (MySQL's normalized form), stored like LONGTEXT in utf8mb4_bin. */
    JSON(Encoding.STRING, 0);

    /** How a value is laid out in a record and compared. */
    public enum Encoding {
        /** Big-endian integer of the type's width; signed, or unsigned with the column's flag. */
        INT,
        /** IEEE 754 single precision, big-endian. */
        FLOAT,
        /** IEEE 754 double precision, big-endian. */
        DOUBLE,
        /** Unscaled value as a fixed-width big-endian two's complement with the sign bit flipped. */
        DECIMAL,
        /** UTF-8 bytes with a length prefix, compared by the column's collation. */
        STRING,
        /** Raw bytes with a length prefix, compared byte by byte. */
        BYTES,
        DATE,
        TIME,
        DATETIME,
        TIMESTAMP
    }

    private final Encoding encoding;
    private final int intWidth;

    ColumnType(Encoding encoding, int intWidth) {
        this.encoding = encoding;
        this.intWidth = intWidth;
    }

    public Encoding encoding() {
        return encoding;
    }

    /** Bytes of an INT-encoded value (1, 2, 3, 4 or 8). */
    public int intWidth() {
        return intWidth;
    }

    /** The integer types (BIT, ENUM and SET are stored as integers but are not integer types). */
    public boolean isInteger() {
        return encoding == Encoding.INT && !isBitmapped();
    }

    /** BIT, ENUM and SET: integers in a record (always unsigned), something else in SQL. */
    public boolean isBitmapped() {
        return this == BIT || this == ENUM || this == SET;
    }

    /** Text types (JSON is stored as text but is not one). */
    public boolean isString() {
        return encoding == Encoding.STRING && this != JSON;
    }

    public boolean isBinary() {
        return encoding == Encoding.BYTES;
    }

    /** TEXT and BLOB types: no inline default, stored off-page when the record is too long. */
    public boolean isLob() {
        return switch (this) {
            case TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB, JSON -> true;
            default -> false;
        };
    }

    /** Whether values have a variable length in a record. */
    public boolean isVariable() {
        return encoding == Encoding.STRING || encoding == Encoding.BYTES;
    }

    /** Maximum length in bytes (BYTES) or characters (STRING) of the LOB types, 0 for others. */
    public long lobMaxLength() {
        return switch (this) {
            case TINYTEXT, TINYBLOB -> 255;
            case TEXT, BLOB -> 65535;
            case MEDIUMTEXT, MEDIUMBLOB -> 16777215;
            case LONGTEXT, LONGBLOB, JSON -> 4294967295L;
            default -> 0;
        };
    }

    /** Bytes of the fixed-width DECIMAL encoding for a precision. */
    public static int decimalWidth(int precision) {
        if (precision <= 18) {
            return 8;
        }
        if (precision <= 38) {
            return 16;
        }
        return 28;
    }
}
