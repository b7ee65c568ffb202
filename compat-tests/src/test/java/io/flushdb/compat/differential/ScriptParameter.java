package io.flushdb.compat.differential;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One parameter of a statement run as a {@link PreparedStatement}: which setter binds it and the
 * value's text. Written in a script as {@code kind:value} cells, tab-separated, after
 * {@code -- params}; the value is spelled as a result cell is ({@link CellText}: {@code NULL}, {@code (empty)},
 * backslash escapes), so {@code string:NULL} is {@code setString(i, null)}.
 *
 * @param kind  the setter
 * @param value the value's text, or null for Java null
 */
record ScriptParameter(Kind kind, String value) {

    /** The setters a script can name; {@code null:TYPE} calls {@code setNull} with a {@link JDBCType} name. */
    enum Kind {
        BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, BIGDECIMAL, BIGINTEGER, STRING, NSTRING,
        BYTES, DATE, TIME, TIMESTAMP, LOCALDATE, LOCALTIME, LOCALDATETIME, ASCIISTREAM,
        BINARYSTREAM, CHARACTERSTREAM, BLOB, CLOB, NULL;

        String spelling() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Parses the cells after {@code -- params}; throws IllegalArgumentException with the reason. */
    static List<ScriptParameter> parseAll(String cells) {
        List<ScriptParameter> out = new ArrayList<>();
        for (String cell : cells.split("\t", -1)) {
            int colon = cell.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("parameter '" + cell + "' is not kind:value");
            }
            Kind kind;
            try {
                kind = Kind.valueOf(cell.substring(0, colon).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown parameter kind '" + cell.substring(0, colon) + "'");
            }
            String value = CellText.decode(cell.substring(colon + 1));
            if (kind == Kind.NULL) {
                JDBCType.valueOf(value); // the JDBC type must exist
            } else if (value == null && isPrimitive(kind)) {
                throw new IllegalArgumentException(kind.spelling() + " has a primitive setter: use null:TYPE");
            }
            out.add(new ScriptParameter(kind, value));
        }
        return out;
    }

    /** The cells as a script spells them (the inverse of {@link #parseAll}). */
    static String formatAll(List<ScriptParameter> parameters) {
        StringBuilder out = new StringBuilder();
        for (ScriptParameter p : parameters) {
            if (out.length() > 0) {
                out.append('\t');
            }
            out.append(p.kind.spelling()).append(':').append(CellText.encode(p.value));
        }
        return out.toString();
    }

    private static boolean isPrimitive(Kind kind) {
        return switch (kind) {
            case BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE -> true;
            default -> false;
        };
    }

    /** Binds this parameter as parameter {@code index} of {@code statement}. */
    void bind(PreparedStatement statement, int index) throws SQLException {
        String v = value;
        switch (kind) {
            case BOOLEAN -> statement.setBoolean(index, Boolean.parseBoolean(v));
            case BYTE -> statement.setByte(index, Byte.parseByte(v));
            case SHORT -> statement.setShort(index, Short.parseShort(v));
            case INT -> statement.setInt(index, Integer.parseInt(v));
            case LONG -> statement.setLong(index, Long.parseLong(v));
            case FLOAT -> statement.setFloat(index, Float.parseFloat(v));
            case DOUBLE -> statement.setDouble(index, Double.parseDouble(v));
            case BIGDECIMAL -> statement.setBigDecimal(index, v == null ? null : new BigDecimal(v));
            case BIGINTEGER -> statement.setObject(index, v == null ? null : new BigInteger(v));
            case STRING -> statement.setString(index, v);
            case NSTRING -> statement.setNString(index, v);
            case BYTES -> statement.setBytes(index, v == null ? null : HexFormat.of().parseHex(v));
            case DATE -> statement.setDate(index, v == null ? null : Date.valueOf(v));
            case TIME -> statement.setTime(index, v == null ? null : Time.valueOf(v));
            case TIMESTAMP -> statement.setTimestamp(index, v == null ? null : Timestamp.valueOf(v));
            case LOCALDATE -> statement.setObject(index, v == null ? null : LocalDate.parse(v));
            case LOCALTIME -> statement.setObject(index, v == null ? null : LocalTime.parse(v));
            case LOCALDATETIME -> statement.setObject(index, v == null ? null : LocalDateTime.parse(v));
            case ASCIISTREAM -> statement.setAsciiStream(index,
                    v == null ? null : new ByteArrayInputStream(v.getBytes(StandardCharsets.US_ASCII)));
            case BINARYSTREAM -> statement.setBinaryStream(index,
                    v == null ? null : new ByteArrayInputStream(HexFormat.of().parseHex(v)));
            case CHARACTERSTREAM -> statement.setCharacterStream(index, v == null ? null : new StringReader(v));
            case BLOB -> statement.setBlob(index, v == null ? null : new ByteArrayInputStream(HexFormat.of().parseHex(v)));
            case CLOB -> statement.setClob(index, v == null ? null : new StringReader(v));
            case NULL -> statement.setNull(index, JDBCType.valueOf(v).getVendorTypeNumber());
        }
    }
}
