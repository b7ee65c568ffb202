package io.flushdb.sql.types;

import java.sql.Types;

/**
 * Column types as a MySQL client sees them in result metadata: the type name MySQL Connector/J
 * reports from {@code ResultSetMetaData.getColumnTypeName} and the {@code java.sql.Types} code it
 * reports from {@code getColumnType}, so FlushDB's metadata reads like a MySQL server's.
 */
public enum MySqlType {
    BIT("BIT", Types.BIT),
    TINYINT("TINYINT", Types.TINYINT),
    TINYINT_UNSIGNED("TINYINT UNSIGNED", Types.TINYINT),
    SMALLINT("SMALLINT", Types.SMALLINT),
    SMALLINT_UNSIGNED("SMALLINT UNSIGNED", Types.SMALLINT),
    MEDIUMINT("MEDIUMINT", Types.INTEGER),
    MEDIUMINT_UNSIGNED("MEDIUMINT UNSIGNED", Types.INTEGER),
    INT("INT", Types.INTEGER),
    INT_UNSIGNED("INT UNSIGNED", Types.INTEGER),
    BIGINT("BIGINT", Types.BIGINT),
    BIGINT_UNSIGNED("BIGINT UNSIGNED", Types.BIGINT),
    DECIMAL("DECIMAL", Types.DECIMAL),
    DECIMAL_UNSIGNED("DECIMAL UNSIGNED", Types.DECIMAL),
    FLOAT("FLOAT", Types.REAL),
    FLOAT_UNSIGNED("FLOAT UNSIGNED", Types.REAL),
    DOUBLE("DOUBLE", Types.DOUBLE),
    DOUBLE_UNSIGNED("DOUBLE UNSIGNED", Types.DOUBLE),
    CHAR("CHAR", Types.CHAR),
    VARCHAR("VARCHAR", Types.VARCHAR),
    TINYTEXT("TINYTEXT", Types.VARCHAR),
    TEXT("TEXT", Types.LONGVARCHAR),
    MEDIUMTEXT("MEDIUMTEXT", Types.LONGVARCHAR),
    LONGTEXT("LONGTEXT", Types.LONGVARCHAR),
    BINARY("BINARY", Types.BINARY),
    VARBINARY("VARBINARY", Types.VARBINARY),
    TINYBLOB("TINYBLOB", Types.VARBINARY),
    BLOB("BLOB", Types.LONGVARBINARY),
    MEDIUMBLOB("MEDIUMBLOB", Types.LONGVARBINARY),
    LONGBLOB("LONGBLOB", Types.LONGVARBINARY),
    DATE("DATE", Types.DATE),
    TIME("TIME", Types.TIME),
    DATETIME("DATETIME", Types.TIMESTAMP),
    TIMESTAMP("TIMESTAMP", Types.TIMESTAMP),
    YEAR("YEAR", Types.DATE),
    /** The type of a NULL literal. */
    NULL("NULL", Types.NULL),
    /**
     * A BIT(M) column (BOOLEAN columns read as {@link #BIT}, Connector/J's tinyInt1isBit): values
     * are the bits as a Long; the driver gives BIT(1) as Boolean and longer ones as bytes.
     */
    BIT_FIELD("BIT", Types.BIT),
    /** An ENUM column: Connector/J reports CHAR (the protocol's STRING type with the ENUM flag). */
    ENUM("CHAR", Types.CHAR),
    /** A SET column: Connector/J reports CHAR (the protocol's STRING type with the SET flag). */
    SET("CHAR", Types.CHAR),
    /** A JSON column or a JSON function's value: Connector/J's MysqlType.JSON. */
    JSON("JSON", Types.LONGVARCHAR);

    private final String typeName;
    private final int jdbcType;

    MySqlType(String typeName, int jdbcType) {
        this.typeName = typeName;
        this.jdbcType = jdbcType;
    }

    /** The name a MySQL client reports, e.g. "INT UNSIGNED". */
    public String typeName() {
        return typeName;
    }

    /** The {@link java.sql.Types} code a MySQL client reports. */
    public int jdbcType() {
        return jdbcType;
    }

    public boolean isUnsigned() {
        return typeName.endsWith(" UNSIGNED");
    }

    public boolean isInteger() {
        return switch (this) {
            case TINYINT, TINYINT_UNSIGNED, SMALLINT, SMALLINT_UNSIGNED, MEDIUMINT, MEDIUMINT_UNSIGNED, INT,
                 INT_UNSIGNED, BIGINT, BIGINT_UNSIGNED, YEAR -> true;
            default -> false;
        };
    }

    public boolean isString() {
        return switch (this) {
            case CHAR, VARCHAR, TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT, ENUM, SET, JSON -> true;
            default -> false;
        };
    }

    public boolean isBinary() {
        return switch (this) {
            case BINARY, VARBINARY, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> true;
            default -> false;
        };
    }

    public boolean isTemporal() {
        return this == DATE || this == TIME || this == DATETIME || this == TIMESTAMP;
    }

    /** The Java class of values of this type in a {@code StatementResult} row. */
    public Class<?> valueClass() {
        return switch (this) {
            case BIT, BIT_FIELD -> Long.class;
            case ENUM, SET, JSON -> String.class;
            case BIGINT_UNSIGNED -> java.math.BigInteger.class;
            case TINYINT, TINYINT_UNSIGNED, SMALLINT, SMALLINT_UNSIGNED, MEDIUMINT, MEDIUMINT_UNSIGNED, INT,
                 INT_UNSIGNED, BIGINT, YEAR -> Long.class;
            case DECIMAL, DECIMAL_UNSIGNED -> java.math.BigDecimal.class;
            case FLOAT, FLOAT_UNSIGNED -> Float.class;
            case DOUBLE, DOUBLE_UNSIGNED -> Double.class;
            case CHAR, VARCHAR, TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT -> String.class;
            case BINARY, VARBINARY, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> byte[].class;
            case DATE -> java.time.LocalDate.class;
            case TIME -> java.time.Duration.class;
            case DATETIME, TIMESTAMP -> java.time.LocalDateTime.class;
            case NULL -> Object.class;
        };
    }
}
