package io.flushdb.storage.log;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The redo log's on-disk shapes and LSN arithmetic (format in {@code docs/format/redo.md}).
 *
 * <p><b>Blocks.</b> The redo stream is a sequence of 512-byte blocks. An LSN is a byte position in
 * that stream, block headers and trailers included (as in InnoDB), so block {@code b} occupies
 * LSNs [{@code 512b}, {@code 512b + 512}) and its data bytes are [{@code 512b + 12},
 * {@code 512b + 508}). A "data LSN" (where a record byte can sit) satisfies
 * {@code 12 <= lsn % 512 < 508}; the current LSN is always one, so a mini-transaction that ends
 * exactly at a block's last data byte ends at the next block's first data byte.
 * <pre>
 * block offset  size  field
 *            0     8  LSN of the block's first byte (512-aligned): tells a block of this lap of the
 *                     ring from a stale one, and recovery's scan stops at the first mismatch
 *            8     2  data length: bytes used in the block counting the header (12..508); less
 *                     than 508 only in the last block written
 *           10     2  durable distance: how many blocks before this one the block holding the
 *                     last durable (forced) byte was when this block was written, at most 65535;
 *                     that block and every one before it held forced redo by then
 *           12   496  data: record groups, continuing across blocks
 *          508     4  CRC-32C of bytes [0, 508)
 * </pre>
 *
 * <p><b>Record groups.</b> Each committed mini-transaction is one group: {@code u32 length} then
 * that many bytes of records ({@link RedoRecordType}). Recovery applies whole groups only.
 *
 * <p><b>Files.</b> {@code #innodb_redo/#ib_redo0} … {@code #ib_redoN-1}, each with a 2048-byte
 * header (four blocks) and then data; the data areas of all files form one ring of
 * {@code capacity} bytes. In file 0, block 0 describes the ring ({@link LogFiles}); blocks 1 and 3
 * are the two checkpoint slots, written alternately.
 *
 * <p><b>Sector atomicity.</b> Like InnoDB, the log assumes a 512-byte block is written atomically:
 * the last, partly filled block is rewritten as it fills, so a write that tore inside a block
 * could lose a block already made durable.
 */
public final class LogFormat {
    public static final int BLOCK = 512;
    public static final int HEADER = 12;
    public static final int TRAILER = 4;
    /** Offset of the trailer; data bytes end here. */
    public static final int DATA_END = BLOCK - TRAILER;
    public static final int PAYLOAD = DATA_END - HEADER;
    /** Bytes at the start of every redo file before its part of the ring. */
    public static final int FILE_HEADER = 4 * BLOCK;
    /** Offsets of the two checkpoint slots in file 0. */
    public static final int[] CHECKPOINT_SLOT = {BLOCK, 3 * BLOCK};

    public static final int MAGIC = 0x46444252; // "FDBR"
    public static final int CHECKPOINT_MAGIC = 0x46444243; // "FDBC"
    public static final int VERSION = 1;

    public static final String DIRECTORY = "#innodb_redo";

    /** The LSN a new data directory's redo starts at. */
    public static final long FIRST_LSN = 16 * BLOCK + HEADER;

    /** Size of a group's length prefix. */
    public static final int GROUP_HEADER = 4;

    private static final ThreadLocal<CRC32C> CRC = ThreadLocal.withInitial(CRC32C::new);

    private LogFormat() {
    }

    /** The name of redo file {@code i} relative to the data directory. */
    public static String fileName(int i) {
        return DIRECTORY + "/#ib_redo" + i;
    }

    public static long blockStart(long lsn) {
        return lsn & ~(long) (BLOCK - 1);
    }

    public static boolean isDataLsn(long lsn) {
        int r = (int) (lsn & (BLOCK - 1));
        return r >= HEADER && r < DATA_END;
    }

    /** The first data LSN at or after {@code lsn}. */
    public static long toDataLsn(long lsn) {
        int r = (int) (lsn & (BLOCK - 1));
        if (r < HEADER) {
            return blockStart(lsn) + HEADER;
        }
        if (r >= DATA_END) {
            return blockStart(lsn) + BLOCK + HEADER;
        }
        return lsn;
    }

    /** The data LSN {@code n} data bytes after data LSN {@code lsn}. */
    public static long advance(long lsn, long n) {
        long inBlock = (lsn & (BLOCK - 1)) - HEADER + n;
        return blockStart(lsn) + (inBlock / PAYLOAD) * BLOCK + HEADER + inBlock % PAYLOAD;
    }

    /** Data bytes between data LSNs {@code from <= to}. */
    public static long distance(long from, long to) {
        long blocks = (blockStart(to) - blockStart(from)) / BLOCK;
        return blocks * PAYLOAD + (to & (BLOCK - 1)) - (from & (BLOCK - 1));
    }

    /**
     * Fills in the header and trailer of the block at {@code off} of {@code b}; {@code durableLsn}
     * is the LSN the log is forced up to as the block is written.
     */
    public static void stampBlock(ByteBuffer b, int off, long blockLsn, int dataLength, long durableLsn) {
        b.putLong(off, blockLsn);
        b.putShort(off + 8, (short) dataLength);
        // The block holding the last durable byte (the one before durableLsn, a data LSN).
        long back = Math.max(0, (blockLsn - blockStart(durableLsn - HEADER - 1)) / BLOCK);
        b.putShort(off + 10, (short) Math.min(MAX_DURABLE_DISTANCE, back));
        b.putInt(off + DATA_END, crc(b, off, DATA_END));
    }

    /**
     * The largest durable distance a block header holds. A longer one is stored as this, which
     * claims too much: a reader may only trust distances to blocks fewer than this many back.
     */
    public static final int MAX_DURABLE_DISTANCE = 0xFFFF;

    /**
     * The start of the block that held the last durable byte when the block at {@code off} (of LSN
     * {@code blockLsn}) was written: it and every block before it held forced redo by then. A
     * block of a log written before the field existed reads as its own LSN (every earlier block
     * counts as forced).
     */
    public static long durableBlock(ByteBuffer b, int off, long blockLsn) {
        return blockLsn - (long) (b.getShort(off + 10) & 0xFFFF) * BLOCK;
    }

    public static int checkBlock(ByteBuffer b, int off, long blockLsn) {
        if (b.getInt(off + DATA_END) != crc(b, off, DATA_END)) {
            return -1;
        }
        if (b.getLong(off) != blockLsn) {
            return -1;
        }
        int len = b.getShort(off + 8) & 0xFFFF;
        return len < HEADER || len > DATA_END ? -1 : len;
    }

    /** Whether the block at {@code off} has a valid checksum (whatever LSN it claims). */
    public static boolean checksumValid(ByteBuffer b, int off) {
        return b.getInt(off + DATA_END) == crc(b, off, DATA_END);
    }

    /** CRC-32C of {@code b[off, off + len)}. */
    public static int crc(ByteBuffer b, int off, int len) {
        CRC32C c = CRC.get();
        c.reset();
        int pos = b.position();
        int lim = b.limit();
        b.limit(off + len).position(off);
        c.update(b);
        b.limit(lim).position(pos);
        return (int) c.getValue();
    }
}
