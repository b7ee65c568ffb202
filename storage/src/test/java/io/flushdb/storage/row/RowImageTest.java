package io.flushdb.storage.row;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.storage.Engine;
import io.flushdb.storage.EngineConfig;
import io.flushdb.storage.btree.ExternalRef;
import io.flushdb.storage.btree.OverflowStore;
import io.flushdb.storage.dict.Collation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.BufferOverflowException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class RowImageTest {

    /** Encodes {@code row} into a buffer of exactly its length and decodes it again. */
    private static Object[] roundTrip(Object[] row) {
        int len = RowImage.encodedLength(row);
        ByteBuffer b = ByteBuffer.allocate(len);
        RowImage.encode(row, b);
        assertEquals(len, b.position(), "encodedLength matches what encode writes");
        b.flip();
        Object[] back = RowImage.decode(b);
        assertEquals(len, b.position(), "decode reads the whole image");
        assertArrayEquals(RowImage.encode(row), RowImage.encode(back), "re-encoding gives the same bytes");
        return back;
    }

    private static void assertSameValues(Object[] expected, Object[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] == null) {
                assertNull(actual[i], "slot " + i);
                continue;
            }
            assertEquals(expected[i].getClass(), actual[i].getClass(), "type of slot " + i);
            if (expected[i] instanceof byte[] b) {
                assertArrayEquals(b, (byte[]) actual[i], "slot " + i);
            } else {
                assertEquals(expected[i], actual[i], "slot " + i);
            }
        }
    }

    @Test
    void rowsOfEveryColumnTypeAsStoredRoundTripWithTheirLongValues() {
        try (Engine e = Engine.open(EngineConfig.memory("image").bufferPoolSize(8 << 20))) {
            e.dictionary().createDatabase("d", Collation.UTF8MB4_0900_AI_CI, false);
            TableStore t = e.dictionary().createTable(UndoTables.allTypes("d", "t")).store();
            int cap = OverflowStore.capacity(e.pageSize());
            Object[] full = UndoTables.allTypesRow(1, 1, 5 * cap + 17);
            Object[] nulls = UndoTables.allTypesNullRow(2);
            Object[] other = UndoTables.allTypesRow(3, 7, 100);
            for (Object[] row : new Object[][] {full, nulls, other}) {
                t.insert(row.clone());
                Object[] stored = new Object[t.rowWidth()];
                assertTrue(t.lookupForChange(row, stored));
                assertSameValues(row, stored);
                assertSameValues(stored, roundTrip(stored));
            }
            // The long values were on overflow chains of several pages, and come back in full.
            Object[] stored = new Object[t.rowWidth()];
            assertTrue(t.lookupForChange(full, stored));
            assertTrue(((String) stored[UndoTables.LONGTEXT]).length() > 5 * cap);
            assertTrue(((byte[]) stored[UndoTables.LONGBLOB]).length > 5 * cap);
            assertSameValues(full, RowImage.decode(RowImage.encode(stored)));
        }
    }

    @Test
    void hiddenRowIdSlotRoundTrips() {
        try (Engine e = Engine.open(EngineConfig.memory("hidden").bufferPoolSize(4 << 20))) {
            e.dictionary().createDatabase("d", Collation.UTF8MB4_0900_AI_CI, false);
            TableStore t = e.dictionary().createTable(UndoTables.noPrimaryKey("d", "h")).store();
            Object[] stored = t.insert(new Object[] {"msg", 4L, new byte[] {1, 2}, null});
            assertEquals(t.rowWidth(), stored.length);
            assertEquals(1L, stored[3]);
            assertSameValues(stored, roundTrip(stored));
        }
    }

    @Test
    void everyValueTypeKeepsItsTypeAndExactValue() {
        Object[] row = {
            null, 0L, Long.MIN_VALUE, Long.MAX_VALUE, -1L,
            0, Integer.MIN_VALUE, -719_528, Integer.MAX_VALUE,
            (short) -2, Short.MAX_VALUE, (byte) -128, (byte) 127,
            0.0f, -0.0f, Float.NaN, Float.intBitsToFloat(0x7fc01234), Float.MIN_VALUE, Float.NEGATIVE_INFINITY, 3.5f,
            0.0, -0.0, Double.NaN, Double.longBitsToDouble(0x7ff8_0000_dead_beefL), Double.MAX_VALUE, -2.25,
            new BigDecimal("0.00"), new BigDecimal("-12345678.91"), new BigDecimal("99999999999999999999999.999999"),
            new BigDecimal("-1E+5"), new BigDecimal("-128"), new BigDecimal("255.0"),
            BigInteger.ZERO, new BigInteger("18446744073709551615"), BigInteger.valueOf(-1),
            "", "plain", "déjà vu 🎉 ✓", "\u0000\u007f\u0080\u07ff\u0800\uffff",
            new byte[0], new byte[] {0, -1, 127, -128}, null
        };
        Object[] back = roundTrip(row);
        assertSameValues(row, back);
        // Raw bits, not just Float.equals: NaN payloads and the sign of zero survive.
        assertEquals(0x7fc01234, Float.floatToRawIntBits((Float) back[16]));
        assertEquals(0x7ff8_0000_dead_beefL, Double.doubleToRawLongBits((Double) back[23]));
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits((Float) back[14]));
        // BigDecimal keeps its scale (equals compares it).
        assertEquals(2, ((BigDecimal) back[26]).scale());
        assertEquals(-5, ((BigDecimal) back[29]).scale());
    }

    @Test
    void unpairedSurrogatesAreSizedAsTheirUtf8Replacement() {
        Object[] row = {"a\ud800b", "\udc00", "x\ud83d", "\ud83d\ude00"};
        Object[] back = roundTrip(row);
        assertEquals("a?b", back[0]);
        assertEquals("?", back[1]);
        assertEquals("x?", back[2]);
        assertEquals("\ud83d\ude00", back[3]);
    }

    @Test
    void nullAndEmptyRows() {
        assertEquals(2, RowImage.encodedLength(null));
        assertNull(RowImage.decode(RowImage.encode(null)));
        assertEquals(0, roundTrip(new Object[0]).length);
        Object[] allNull = new Object[300];
        assertEquals(2 + 300, RowImage.encodedLength(allNull));
        assertArrayEquals(allNull, roundTrip(allNull));
    }

    @Test
    void writesAtTheBuffersPositionInBigEndianWhateverItsOrder() {
        Object[] row = {7L, "seven", null};
        byte[] expected = RowImage.encode(row);
        ByteBuffer b = ByteBuffer.allocate(100).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x55).put((byte) 0x66);
        RowImage.encode(row, b);
        RowImage.encode(null, b);
        assertEquals(2 + expected.length + 2, b.position());
        byte[] written = new byte[expected.length];
        b.get(2, written);
        assertArrayEquals(expected, written);
        b.flip();
        b.position(2);
        assertArrayEquals(row, RowImage.decode(b));
        assertNull(RowImage.decode(b));
        assertEquals(b.limit(), b.position());
        // Header: count 3; first value: tag LONG, 8 bytes big-endian.
        assertEquals(0, expected[0]);
        assertEquals(3, expected[1]);
        assertEquals(RowImage.LONG, expected[2]);
        assertEquals(7, expected[10]);
    }

    @Test
    void refusesWhatItCannotHoldBeforeWritingAnything() {
        ByteBuffer b = ByteBuffer.allocate(100);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RowImage.encode(new Object[] {1L, new ExternalRef(5, 100_000)}, b));
        assertTrue(e.getMessage().contains("overflow"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RowImage.encode(new Object[] {new Object()}, b));
        assertThrows(IllegalArgumentException.class, () -> RowImage.encodedLength(new Object[] {'c'}));
        assertEquals(0, b.position());
        assertThrows(BufferOverflowException.class, () -> RowImage.encode(new Object[] {"too long"}, ByteBuffer.allocate(8)));
    }

    @Test
    void refusesBytesThatAreNoImage() {
        assertThrows(IllegalArgumentException.class, () -> RowImage.decode(new byte[] {0, 1, 99}));
        byte[] ok = RowImage.encode(new Object[] {"abc"});
        assertThrows(BufferUnderflowException.class,
                () -> RowImage.decode(ByteBuffer.wrap(ok, 0, ok.length - 1)));
        assertThrows(BufferUnderflowException.class, () -> RowImage.decode(new byte[] {0, 1, RowImage.BYTES, 0, 0, 0, 9, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> RowImage.decode(new byte[] {0, 1, RowImage.BYTES, (byte) 0x80, 0, 0, 0}));
        byte[] trailing = new byte[ok.length + 1];
        System.arraycopy(ok, 0, trailing, 0, ok.length);
        assertThrows(IllegalArgumentException.class, () -> RowImage.decode(trailing));
    }
}
