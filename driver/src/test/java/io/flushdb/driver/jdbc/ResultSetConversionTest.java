package io.flushdb.driver.jdbc;

import static io.flushdb.driver.jdbc.Results.single;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.sql.exec.ColumnMeta;
import io.flushdb.sql.types.MySqlType;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The getters' conversions, one type family at a time, over hand-made rows. */
class ResultSetConversionTest {

    // ---- numbers ------------------------------------------------------------------------------

    @Test
    void integersConvertToEveryNumericType() throws SQLException {
        JdbcResultSet rs = single(MySqlType.INT, 42L);
        assertEquals(42, rs.getInt(1));
        assertEquals(42L, rs.getLong(1));
        assertEquals((short) 42, rs.getShort(1));
        assertEquals((byte) 42, rs.getByte(1));
        assertEquals(42.0, rs.getDouble(1));
        assertEquals(42.0f, rs.getFloat(1));
        assertEquals(new BigDecimal(42), rs.getBigDecimal(1));
        assertEquals("42", rs.getString(1));
        assertTrue(rs.getBoolean(1));
        assertFalse(rs.wasNull());
    }

    @Test
    void outOfRangeIsAnErrorNotAWrappedValue() throws SQLException {
        JdbcResultSet rs = single(MySqlType.BIGINT, 3_000_000_000L);
        SQLDataException e = assertThrows(SQLDataException.class, () -> rs.getInt(1));
        assertEquals("22003", e.getSQLState());
        assertTrue(e.getMessage().contains("3000000000"), e.getMessage());
        assertEquals(3_000_000_000L, rs.getLong(1));
        assertThrows(SQLDataException.class, () -> rs.getShort(1));
        assertThrows(SQLDataException.class, () -> single(MySqlType.INT, 300L).getByte(1));
    }

    @Test
    void bigintUnsignedBeyondLongIsOutOfRangeForGetLong() throws SQLException {
        BigInteger max = new BigInteger("18446744073709551615");
        JdbcResultSet rs = single(MySqlType.BIGINT_UNSIGNED, max);
        assertThrows(SQLDataException.class, () -> rs.getLong(1));
        assertEquals(max, rs.getObject(1));
        assertEquals(new BigDecimal(max), rs.getBigDecimal(1));
        assertEquals("18446744073709551615", rs.getString(1));
    }

    @Test
    void fractionsAreTruncatedTowardZero() throws SQLException {
        assertEquals(2, single(MySqlType.DECIMAL, new BigDecimal("2.99")).getInt(1));
        assertEquals(-2, single(MySqlType.DECIMAL, new BigDecimal("-2.99")).getInt(1));
        assertEquals(7L, single(MySqlType.DOUBLE, 7.9).getLong(1));
        assertEquals(0.1f, single(MySqlType.FLOAT, 0.1f).getFloat(1));
        assertEquals(0.1, single(MySqlType.FLOAT, 0.1f).getDouble(1)); // as the text MySQL sends
        assertEquals(new BigDecimal("0.1"), single(MySqlType.FLOAT, 0.1f).getBigDecimal(1));
        // a FLOAT reads as the server's six-digit text, as Connector/J reads it
        assertEquals(1.23457, single(MySqlType.FLOAT, 1.2345678f).getDouble(1));
        assertEquals(1.23457f, single(MySqlType.FLOAT, 1.2345678f).getFloat(1));
        assertEquals(3, single(MySqlType.FLOAT, 2.9999999f).getInt(1));
    }

    @Test
    void doubleBeyondFloatRangeIsOutOfRange() throws SQLException {
        assertThrows(SQLDataException.class, () -> single(MySqlType.DOUBLE, 1e300).getFloat(1));
    }

    @ParameterizedTest
    @CsvSource({"'12', 12", "' 12 ', 12", "'12.7', 12", "'-3.5', -3", "'1e3', 1000", "'+8', 8", "'.5', 0"})
    void numericStringsAreReadAsNumbers(String text, int expected) throws SQLException {
        assertEquals(expected, single(MySqlType.VARCHAR, text).getInt(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12abc", "", "1.2.3", "0x10"})
    void nonNumericStringsAreErrors(String text) throws SQLException {
        JdbcResultSet rs = single(MySqlType.VARCHAR, text);
        SQLException e = assertThrows(SQLDataException.class, () -> rs.getInt(1));
        assertEquals("22018", e.getSQLState());
        assertThrows(SQLDataException.class, () -> rs.getBigDecimal(1));
        assertThrows(SQLDataException.class, () -> rs.getDouble(1));
    }

    @Test
    void stringsOfDigitsInBinaryColumnsAreNumbersToo() throws SQLException {
        assertEquals(77, single(MySqlType.VARBINARY, "77".getBytes(StandardCharsets.UTF_8)).getInt(1));
    }

    @ParameterizedTest
    @CsvSource({"1, true", "0, false", "2, true", "-1, true", "-2, false"})
    void booleansFromNumbersFollowConnectorJ(long v, boolean expected) throws SQLException {
        assertEquals(expected, single(MySqlType.INT, v).getBoolean(1));
    }

    @ParameterizedTest
    @CsvSource({"true, true", "TRUE, true", "Y, true", "y, true", "false, false", "N, false", "1, true", "0, false",
        "0.0, false", "1.5, true"})
    void booleansFromStrings(String s, boolean expected) throws SQLException {
        assertEquals(expected, single(MySqlType.VARCHAR, s).getBoolean(1));
    }

    @Test
    void booleanColumn() throws SQLException {
        JdbcResultSet rs = single(MySqlType.BIT, 1L); // TINYINT(1) keeps its number
        assertTrue(rs.getBoolean(1));
        assertEquals(1, rs.getInt(1));
        assertEquals("1", rs.getString(1));
        assertEquals(Boolean.TRUE, rs.getObject(1));
        assertThrows(SQLDataException.class, () -> single(MySqlType.VARCHAR, "maybe").getBoolean(1));
    }

    @Test
    void datesDoNotConvertToNumbers() throws SQLException {
        SQLException e = assertThrows(SQLDataException.class, () -> single(MySqlType.DATE, LocalDate.of(2024, 1, 2)).getInt(1));
        assertTrue(e.getMessage().contains("DATE"), e.getMessage());
    }

    // ---- nulls --------------------------------------------------------------------------------

    @Test
    void nullGivesDefaultsAndWasNull() throws SQLException {
        JdbcResultSet rs = new Results().add("a", MySqlType.INT).add("b", MySqlType.VARCHAR).row(null, "x").forwardOnly();
        rs.next();
        assertEquals(0, rs.getInt(1));
        assertTrue(rs.wasNull());
        assertEquals("x", rs.getString(2));
        assertFalse(rs.wasNull());
        assertFalse(rs.getBoolean(1));
        assertTrue(rs.wasNull());
        assertNull(rs.getString(1));
        assertNull(rs.getObject(1));
        assertNull(rs.getBigDecimal(1));
        assertNull(rs.getBytes(1));
        assertNull(rs.getDate(1));
        assertNull(rs.getTimestamp(1));
        assertNull(rs.getObject(1, Integer.class));
        assertNull(rs.getBinaryStream(1));
        assertEquals(0.0, rs.getDouble(1));
    }

    // ---- text and bytes -----------------------------------------------------------------------

    @Test
    void getStringIsConnectorJsTextAndServerTextTheMysqlClients() throws SQLException {
        assertEquals("1.5E20", single(MySqlType.DOUBLE, 1.5e20).getString(1));
        assertEquals("1.5e20", single(MySqlType.DOUBLE, 1.5e20).getServerText(1));
        assertEquals("1024.0", single(MySqlType.DOUBLE, 1024.0).getString(1));
        assertEquals("1024", single(MySqlType.DOUBLE, 1024.0).getServerText(1));
        assertEquals("0.10", single(MySqlType.DECIMAL, new BigDecimal("0.10")).getString(1));
        assertEquals("2024-05-17 13:45:00", single(MySqlType.DATETIME, LocalDateTime.of(2024, 5, 17, 13, 45)).getString(1));
        assertEquals("2024-05-17", single(MySqlType.DATE, LocalDate.of(2024, 5, 17)).getString(1));
        assertEquals("-1:30:00", single(MySqlType.TIME, Duration.ofMinutes(-90)).getString(1));
        assertEquals("-01:30:00", single(MySqlType.TIME, Duration.ofMinutes(-90)).getServerText(1));
        assertEquals("1", single(MySqlType.BIT, 1L).getString(1));
        ColumnMeta zerofill = new ColumnMeta("z", "z", "t", "t", "d", MySqlType.INT, 5, 0, true, false, true, 5);
        JdbcResultSet rs = new Results().add(zerofill).row(42L).forwardOnly();
        rs.next();
        assertEquals("00042", rs.getString(1));
        assertEquals(42, rs.getInt(1));
    }

    @Test
    void bytesAndStreams() throws Exception {
        byte[] data = {0, 1, (byte) 0xff};
        JdbcResultSet rs = single(MySqlType.BLOB, data);
        byte[] got = rs.getBytes(1);
        assertArrayEquals(data, got);
        got[0] = 9;
        assertArrayEquals(data, rs.getBytes(1), "getBytes returns a copy");
        try (InputStream in = rs.getBinaryStream(1)) {
            assertArrayEquals(data, in.readAllBytes());
        }
        assertArrayEquals(data, rs.getBlob(1).getBytes(1, 3));
        assertArrayEquals(data, (byte[]) rs.getObject(1));

        JdbcResultSet text = single(MySqlType.TEXT, "héllo");
        assertArrayEquals("héllo".getBytes(StandardCharsets.UTF_8), text.getBytes(1));
        try (Reader r = text.getCharacterStream(1)) {
            char[] buf = new char[10];
            assertEquals(5, r.read(buf));
        }
        assertEquals("héllo", text.getClob(1).getSubString(1, 5));
        assertEquals("héllo", text.getNString(1));
    }

    // ---- dates and times ----------------------------------------------------------------------

    @Test
    void dateTimeGivesEachPart() throws SQLException {
        LocalDateTime dt = LocalDateTime.of(2024, 5, 17, 13, 45, 30, 250_000_000);
        JdbcResultSet rs = single(MySqlType.DATETIME, dt);
        assertEquals(Timestamp.valueOf(dt), rs.getTimestamp(1));
        assertEquals(Date.valueOf("2024-05-17"), rs.getDate(1));
        assertEquals(LocalTime.of(13, 45, 30, 250_000_000), rs.getTime(1).toLocalTime().withNano(250_000_000));
        assertEquals(250, rs.getTime(1).getTime() % 1000, "milliseconds kept");
        assertEquals(dt, rs.getObject(1, LocalDateTime.class));
        assertEquals(dt.toLocalDate(), rs.getObject(1, LocalDate.class));
        assertEquals(dt.toLocalTime(), rs.getObject(1, LocalTime.class));
        assertEquals(dt.atZone(ZoneId.systemDefault()).toInstant(), rs.getObject(1, Instant.class));
        assertEquals(dt.atZone(ZoneId.systemDefault()).toOffsetDateTime(), rs.getObject(1, OffsetDateTime.class));
    }

    @Test
    void calendarGettersReadTheWallClockInTheCalendarsZone() throws SQLException {
        LocalDateTime dt = LocalDateTime.of(2024, 1, 1, 12, 0);
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
        JdbcResultSet rs = single(MySqlType.TIMESTAMP, dt);
        assertEquals(dt.toInstant(ZoneOffset.UTC), rs.getTimestamp(1, utc).toInstant());
        assertEquals(dt.toInstant(ZoneOffset.ofHours(9)), rs.getTimestamp(1, tokyo).toInstant());
        assertEquals(LocalDate.of(2024, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                rs.getDate(1, utc).getTime());
    }

    @Test
    void dateGivesMidnightAndTimeGivesTheEpochDay() throws SQLException {
        assertEquals(Timestamp.valueOf("2024-02-29 00:00:00"), single(MySqlType.DATE, LocalDate.of(2024, 2, 29)).getTimestamp(1));
        assertEquals(Timestamp.valueOf("1970-01-01 08:30:00"), single(MySqlType.TIME, Duration.ofMinutes(510)).getTimestamp(1));
        assertEquals(Time.valueOf("08:30:00"), single(MySqlType.TIME, Duration.ofMinutes(510)).getTime(1));
        assertEquals(LocalTime.of(8, 30, 0, 500_000_000),
                single(MySqlType.TIME, Duration.ofMillis(30_600_500)).getObject(1, LocalTime.class));
    }

    @Test
    void timeBeyondADayIsADurationNotATimeOfDay() throws SQLException {
        for (Duration d : new Duration[] {Duration.ofHours(25), Duration.ofSeconds(-1), Duration.ofHours(838).plusMinutes(59)}) {
            JdbcResultSet rs = single(MySqlType.TIME, d);
            SQLException e = assertThrows(SQLDataException.class, () -> rs.getTime(1));
            assertTrue(e.getMessage().contains("is an invalid TIME value"), e.getMessage());
            assertEquals("22007", e.getSQLState());
            assertThrows(SQLDataException.class, () -> rs.getObject(1));
            assertThrows(SQLDataException.class, () -> rs.getTimestamp(1));
            assertEquals(d, rs.getObject(1, Duration.class));
        }
        assertEquals("838:59:00", single(MySqlType.TIME, Duration.ofHours(838).plusMinutes(59)).getString(1));
        assertEquals(Duration.ofMinutes(510), single(MySqlType.TIME, Duration.ofMinutes(510)).getObject(1, Duration.class));
    }

    @Test
    void yearIsADateOnJanuaryFirst() throws SQLException {
        JdbcResultSet rs = single(MySqlType.YEAR, 2024L);
        assertEquals(Date.valueOf("2024-01-01"), rs.getObject(1));
        assertEquals(2024, rs.getInt(1));
        assertEquals("2024", rs.getString(1));
    }

    @ParameterizedTest
    @CsvSource({"'2024-05-17', 2024-05-17T00:00", "'2024-05-17 13:45:00', 2024-05-17T13:45",
        "'2024-05-17 13:45:00.5', 2024-05-17T13:45:00.5", "' 2024-05-17T01:02:03 ', 2024-05-17T01:02:03"})
    void stringsInMySqlFormatsAreDateTimes(String text, LocalDateTime expected) throws SQLException {
        assertEquals(Timestamp.valueOf(expected), single(MySqlType.VARCHAR, text).getTimestamp(1));
    }

    @Test
    void unparsableDateStringsAreErrors() throws SQLException {
        SQLException e = assertThrows(SQLDataException.class, () -> single(MySqlType.VARCHAR, "yesterday").getDate(1));
        assertEquals("22007", e.getSQLState());
        assertThrows(SQLDataException.class, () -> single(MySqlType.VARCHAR, "0000-00-00").getDate(1));
        assertThrows(SQLDataException.class, () -> single(MySqlType.INT, 5L).getTimestamp(1));
    }

    // ---- getObject ----------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
        "TINYINT, java.lang.Integer", "TINYINT_UNSIGNED, java.lang.Integer", "SMALLINT, java.lang.Integer",
        "SMALLINT_UNSIGNED, java.lang.Integer", "MEDIUMINT, java.lang.Integer", "MEDIUMINT_UNSIGNED, java.lang.Integer",
        "INT, java.lang.Integer", "INT_UNSIGNED, java.lang.Long", "BIGINT, java.lang.Long",
    })
    void integerColumnsGiveConnectorJsClasses(MySqlType type, Class<?> expected) throws SQLException {
        JdbcResultSet rs = single(type, 7L);
        assertEquals(expected, rs.getObject(1).getClass());
        assertEquals(expected.getName(), rs.getMetaData().getColumnClassName(1));
    }

    @Test
    void otherColumnsGiveConnectorJsClasses() throws SQLException {
        Object[][] cases = {
            {MySqlType.BIGINT_UNSIGNED, BigInteger.TEN, BigInteger.class},
            {MySqlType.BIT, 0L, Boolean.class},
            {MySqlType.DECIMAL, BigDecimal.ONE, BigDecimal.class},
            {MySqlType.FLOAT, 1.5f, Float.class},
            {MySqlType.DOUBLE, 1.5, Double.class},
            {MySqlType.CHAR, "c", String.class},
            {MySqlType.LONGTEXT, "t", String.class},
            {MySqlType.VARBINARY, new byte[] {1}, byte[].class},
            {MySqlType.DATE, LocalDate.of(2020, 1, 1), Date.class},
            {MySqlType.TIME, Duration.ofHours(12), Time.class},
            {MySqlType.DATETIME, LocalDateTime.of(2020, 1, 1, 0, 0), LocalDateTime.class},
            {MySqlType.TIMESTAMP, LocalDateTime.of(2020, 1, 1, 0, 0), Timestamp.class},
            {MySqlType.YEAR, 2020L, Date.class},
        };
        for (Object[] c : cases) {
            JdbcResultSet rs = single((MySqlType) c[0], c[1]);
            assertEquals(c[2], rs.getObject(1).getClass(), c[0].toString());
            assertEquals(((Class<?>) c[2]).getName(), rs.getMetaData().getColumnClassName(1), c[0].toString());
        }
    }

    @Test
    void getObjectWithAClass() throws SQLException {
        JdbcResultSet rs = single(MySqlType.BIGINT, 12L);
        assertEquals(12, rs.getObject(1, Integer.class));
        assertEquals((short) 12, rs.getObject(1, Short.class));
        assertEquals((byte) 12, rs.getObject(1, Byte.class));
        assertEquals(12L, rs.getObject(1, Long.class));
        assertEquals(12.0, rs.getObject(1, Double.class));
        assertEquals(12.0f, rs.getObject(1, Float.class));
        assertEquals(BigInteger.valueOf(12), rs.getObject(1, BigInteger.class));
        assertEquals(new BigDecimal(12), rs.getObject(1, BigDecimal.class));
        assertEquals("12", rs.getObject(1, String.class));
        assertEquals(Boolean.TRUE, rs.getObject(1, Boolean.class));
        assertEquals(12L, rs.getObject(1, Number.class), "a superclass of the default class");
        assertEquals(12L, rs.getObject(1, Object.class));
        SQLException e = assertThrows(SQLException.class, () -> rs.getObject(1, StringBuilder.class));
        assertTrue(e.getMessage().contains("java.lang.StringBuilder"), e.getMessage());
        assertThrows(SQLException.class, () -> rs.getObject(1, (Class<?>) null));
    }
}
