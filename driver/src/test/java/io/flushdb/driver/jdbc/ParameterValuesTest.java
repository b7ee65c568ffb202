package io.flushdb.driver.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.TimeZone;
import java.util.UUID;
import javax.sql.rowset.serial.SerialBlob;
import org.junit.jupiter.api.Test;

class ParameterValuesTest {

    @Test
    void engineClassesPassThroughAndSmallIntegersWiden() throws SQLException {
        assertEquals(5L, ParameterValues.normalize(5));
        assertEquals(5L, ParameterValues.normalize((short) 5));
        assertEquals(5L, ParameterValues.normalize((byte) 5));
        assertEquals(5L, ParameterValues.normalize(5L));
        assertEquals(5L, ParameterValues.normalize(BigInteger.valueOf(5)));
        BigInteger huge = new BigInteger("18446744073709551615");
        assertEquals(huge, ParameterValues.normalize(huge));
        assertEquals(1.5f, ParameterValues.normalize(1.5f));
        assertEquals(1.5, ParameterValues.normalize(1.5));
        assertEquals(BigDecimal.TEN, ParameterValues.normalize(BigDecimal.TEN));
        assertEquals(Boolean.TRUE, ParameterValues.normalize(true));
        assertEquals(java.time.Duration.ofHours(30), ParameterValues.normalize(java.time.Duration.ofHours(30)));
        assertEquals("x", ParameterValues.normalize('x'));
        assertEquals("MONDAY", ParameterValues.normalize(java.time.DayOfWeek.MONDAY));
        assertNull(ParameterValues.normalize(null));
    }

    @Test
    void dateTimesBecomeWallClockValues() throws SQLException {
        assertEquals(LocalDate.of(2024, 5, 17), ParameterValues.normalize(Date.valueOf("2024-05-17")));
        assertEquals(LocalTime.of(13, 45, 30), ParameterValues.normalize(Time.valueOf("13:45:30")));
        assertEquals(LocalDateTime.of(2024, 5, 17, 13, 45, 30, 123_456_789),
                ParameterValues.normalize(Timestamp.valueOf("2024-05-17 13:45:30.123456789")));
        Instant i = Instant.parse("2024-05-17T12:00:00Z");
        assertEquals(LocalDateTime.ofInstant(i, ZoneId.systemDefault()), ParameterValues.normalize(i));
        assertEquals(LocalDateTime.ofInstant(i, ZoneId.systemDefault()), ParameterValues.normalize(java.util.Date.from(i)));
        assertEquals(LocalDateTime.ofInstant(i, ZoneId.systemDefault()),
                ParameterValues.normalize(OffsetDateTime.ofInstant(i, ZoneOffset.ofHours(-7))));
    }

    @Test
    void calendarsChooseTheZone() {
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        Timestamp ts = Timestamp.from(Instant.parse("2024-01-01T00:30:00Z"));
        assertEquals(LocalDateTime.of(2024, 1, 1, 0, 30), ParameterValues.timestamp(ts, utc));
        Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
        assertEquals(LocalDateTime.of(2024, 1, 1, 9, 30), ParameterValues.timestamp(ts, tokyo));
        assertEquals(LocalDate.of(2024, 1, 1), ParameterValues.date(new Date(ts.getTime()), tokyo));
    }

    @Test
    void streamsAndLobsAreReadAtOnce() throws SQLException {
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) ParameterValues.normalize(new ByteArrayInputStream(new byte[] {1, 2, 3})));
        assertEquals("abc", ParameterValues.normalize(new StringReader("abc")));
        assertArrayEquals(new byte[] {7}, (byte[]) ParameterValues.normalize(new SerialBlob(new byte[] {7})));
        assertArrayEquals(new byte[] {1, 2}, ParameterValues.readBytes(new ByteArrayInputStream(new byte[] {1, 2, 3}), 2));
        assertEquals("ab", ParameterValues.readText(new StringReader("abc"), 2));
        assertThrows(SQLException.class, () -> ParameterValues.readBytes(new ByteArrayInputStream(new byte[] {1}), 5));
        assertThrows(SQLException.class, () -> ParameterValues.readText(new StringReader("a"), 5));
    }

    @Test
    void classesWithoutAMySqlValueAreRefusedNotSerialised() {
        SQLException e = assertThrows(SQLException.class, () -> ParameterValues.normalize(UUID.randomUUID()));
        assertTrue(e.getMessage().contains("java.util.UUID"), e.getMessage());
        assertThrows(SQLException.class, () -> ParameterValues.normalize(new Object()));
    }

    @Test
    void targetTypesConvert() throws SQLException {
        assertEquals(12L, ParameterValues.convert("12", Types.INTEGER, -1));
        assertEquals(12L, ParameterValues.convert(12.9, Types.BIGINT, -1));
        assertEquals(1L, ParameterValues.convert(true, Types.TINYINT, -1));
        assertEquals(new BigDecimal("3.14"), ParameterValues.convert(3.14159, Types.DECIMAL, 2));
        assertEquals(2.5, ParameterValues.convert("2.5", Types.DOUBLE, -1));
        assertEquals(2.5f, ParameterValues.convert("2.5", Types.REAL, -1));
        assertEquals("42", ParameterValues.convert(42, Types.VARCHAR, -1));
        assertEquals(Boolean.TRUE, ParameterValues.convert("yes", Types.BOOLEAN, -1));
        assertEquals(Boolean.FALSE, ParameterValues.convert(0, Types.BIT, -1));
        assertArrayEquals("hi".getBytes(), (byte[]) ParameterValues.convert("hi", Types.VARBINARY, -1));
        assertEquals(LocalDate.of(2024, 5, 17), ParameterValues.convert("2024-05-17", Types.DATE, -1));
        assertEquals(LocalDate.of(2024, 5, 17), ParameterValues.convert(LocalDateTime.of(2024, 5, 17, 1, 2), Types.DATE, -1));
        assertEquals(LocalDateTime.of(2024, 5, 17, 0, 0), ParameterValues.convert(LocalDate.of(2024, 5, 17), Types.TIMESTAMP, -1));
        assertEquals(LocalTime.of(1, 2, 3), ParameterValues.convert("01:02:03", Types.TIME, -1));
        assertNull(ParameterValues.convert("anything", Types.NULL, -1));
        assertNull(ParameterValues.convert(null, Types.INTEGER, -1));
        assertThrows(SQLDataException.class, () -> ParameterValues.convert("abc", Types.INTEGER, -1));
        assertThrows(SQLDataException.class, () -> ParameterValues.convert("not a date", Types.DATE, -1));
        assertThrows(SQLDataException.class, () -> ParameterValues.convert("1e30", Types.BIGINT, -1));
        assertThrows(SQLFeatureNotSupportedException.class, () -> ParameterValues.convert("x", Types.ARRAY, -1));
    }
}
