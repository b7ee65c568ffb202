package io.flushdb.storage.mtr;

import io.flushdb.storage.buffer.BufferFrame;
import io.flushdb.storage.buffer.BufferPool;
import io.flushdb.storage.buffer.LatchMode;
import io.flushdb.storage.log.RedoLog;
import io.flushdb.storage.log.RedoRecordType;
import io.flushdb.storage.page.PageHeader;
import io.flushdb.storage.page.PageId;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A mini-transaction (mtr): the unit in which pages change. It fixes and latches pages, applies
 * changes to them while writing a redo record for each, and on {@link #commit} gets an LSN range
 * from the redo log, stamps every changed page with it, puts newly dirtied pages on their flush
 * lists, and only then releases the latches (so no other thread sees a change before it has an
 * LSN).
 *
 * <p>Rules for callers:
 * <ol>
 *   <li>Every change to a page goes through a {@code write*}, {@link #move}, {@link #fill},
 *       {@link #initPage} or a logical record opened with {@link #beginRecord}; a change made
 *       directly to {@link BufferFrame#page()} would be missing from redo.</li>
 *   <li>Pages are latched in the order of {@code LatchLevel.PAGE} (parent before child, left
 *       before right, tree pages before the space header).</li>
 *   <li>All checks that can fail come before the first change: a mini-transaction is not undone.
 *       One closed with changes but without {@link #commit} leaves pages half-changed, so it
 *       reports to the engine, which then refuses further writes.</li>
 * </ol>
 *
 * <p>Instances are pooled by {@link MtrContext} and reused once closed; no object is allocated per
 * use once the memo and redo buffer have grown to the largest mini-transaction.
 *
 * <p>Concurrency: confined to one thread.
 */
public final class MiniTransaction implements AutoCloseable, RedoLog.CommitAction {
    private final BufferPool pool;
    private final RedoLog log;
    private final Runnable abandonedWithChanges;
    private final MtrContext owner;
    /** Whether this instance is back in its owner's pool (set by close, cleared by start). */
    private boolean pooled;

    private BufferFrame[] frames = new BufferFrame[16];
    private LatchMode[] modes = new LatchMode[16];
    private boolean[] modified = new boolean[16];
    private int size;
    private ByteBuffer redo = ByteBuffer.allocate(8192);
    private boolean active;
    private boolean anyModified;

    MiniTransaction(BufferPool pool, RedoLog log, Runnable abandonedWithChanges, MtrContext owner) {
        this.pool = pool;
        this.log = log;
        this.abandonedWithChanges = abandonedWithChanges;
        this.owner = owner;
    }

    void start() {
        if (active) {
            throw new IllegalStateException("mini-transaction started while still active");
        }
        active = true;
        pooled = false;
        anyModified = false;
        size = 0;
        redo.clear();
    }

    public boolean isActive() {
        return active;
    }

    /** The page size of the pool this mini-transaction works on. */
    public int pageSize() {
        return pool.pageSize();
    }

    // ---- fixing and latching ------------------------------------------------------------------

    /**
     * Fixes and latches a page. If this mini-transaction already holds it, returns the same frame;
     * asking for an exclusive latch on a page held shared is a protocol error (no upgrades).
     */
    public BufferFrame getPage(long pageId, LatchMode mode) {
        int i = find(pageId);
        if (i >= 0) {
            if (mode == LatchMode.EXCLUSIVE && modes[i] != LatchMode.EXCLUSIVE) {
                throw new IllegalStateException("latch upgrade requested for " + PageId.toString(pageId));
            }
            return frames[i];
        }
        BufferFrame f = pool.getPage(pageId, mode);
        push(f, mode);
        return f;
    }

    /**
     * Creates page {@code pageId} of type {@code pageType}: fixes a zeroed frame exclusively,
     * writes the header (space, page number, no neighbours, type) and logs PAGE_INIT.
     */
    public BufferFrame createPage(long pageId, short pageType) {
        BufferFrame f;
        int i = find(pageId);
        if (i >= 0) {
            if (modes[i] != LatchMode.EXCLUSIVE) {
                throw new IllegalStateException("latch upgrade requested for " + PageId.toString(pageId));
            }
            f = frames[i];
        } else {
            f = pool.createPage(pageId);
            push(f, LatchMode.EXCLUSIVE);
        }
        initPage(f, pageType);
        return f;
    }

    /** Re-initialises a page this mtr holds exclusively: zero it, then write its header. */
    public void initPage(BufferFrame f, short pageType) {
        applyPageInit(f.page(), pageSize(), f.spaceId(), f.pageNo(), pageType);
        f.bumpModifyClock();
        beginRecord(RedoRecordType.PAGE_INIT, f);
        redo.putShort(pageType);
    }

    /** The zero-fill and header of PAGE_INIT, shared with redo apply. */
    public static void applyPageInit(ByteBuffer page, int pageSize, int spaceId, int pageNo, short pageType) {
        for (int i = 0; i < pageSize; i += 8) {
            page.putLong(i, 0);
        }
        page.putInt(PageHeader.OFFSET_SPACE_ID, spaceId);
        page.putInt(PageHeader.OFFSET_PAGE_NO, pageNo);
        page.putInt(PageHeader.OFFSET_PREV, PageId.NULL_PAGE);
        page.putInt(PageHeader.OFFSET_NEXT, PageId.NULL_PAGE);
        page.putShort(PageHeader.OFFSET_TYPE, pageType);
    }

    /**
     * Releases an unmodified page before commit (latch coupling during a descent). Releasing a
     * modified page early would let others see a change without an LSN, so it is refused.
     */
    public void release(BufferFrame f) {
        int i = indexOf(f);
        if (modified[i]) {
            throw new IllegalStateException("cannot release a modified page before commit: " + f);
        }
        pool.release(f, modes[i]);
        removeAt(i);
    }

    /** Whether this mtr holds {@code f} exclusively (for assertions). */
    public boolean holdsExclusive(BufferFrame f) {
        int i = indexOf0(f);
        return i >= 0 && modes[i] == LatchMode.EXCLUSIVE;
    }

    /** Whether this mtr holds {@code f} in any mode (for assertions). */
    public boolean holds(BufferFrame f) {
        return indexOf0(f) >= 0;
    }

    /** The frame of {@code pageId} if this mtr holds it, else null. */
    public BufferFrame heldPage(long pageId) {
        int i = find(pageId);
        return i < 0 ? null : frames[i];
    }

    private int find(long pageId) {
        for (int i = 0; i < size; i++) {
            if (frames[i].pageId() == pageId) {
                return i;
            }
        }
        return -1;
    }

    private int indexOf0(BufferFrame f) {
        for (int i = 0; i < size; i++) {
            if (frames[i] == f) {
                return i;
            }
        }
        return -1;
    }

    private int indexOf(BufferFrame f) {
        int i = indexOf0(f);
        if (i < 0) {
            throw new IllegalStateException("page not held by this mini-transaction: " + f);
        }
        return i;
    }

    private void push(BufferFrame f, LatchMode mode) {
        if (size == frames.length) {
            frames = Arrays.copyOf(frames, size * 2);
            modes = Arrays.copyOf(modes, size * 2);
            modified = Arrays.copyOf(modified, size * 2);
        }
        frames[size] = f;
        modes[size] = mode;
        modified[size] = false;
        size++;
    }

    private void removeAt(int i) {
        int n = size - i - 1;
        System.arraycopy(frames, i + 1, frames, i, n);
        System.arraycopy(modes, i + 1, modes, i, n);
        System.arraycopy(modified, i + 1, modified, i, n);
        size--;
        frames[size] = null;
    }

    // ---- logged changes -----------------------------------------------------------------------

    /**
     * Starts a redo record of {@code type} for page {@code f} (which must be held exclusively) and
     * marks the page modified. The caller then appends the payload with the {@code log*} methods.
     */
    public void beginRecord(RedoRecordType type, BufferFrame f) {
        int i = indexOf(f);
        if (modes[i] != LatchMode.EXCLUSIVE) {
            throw new IllegalStateException("change to a page not latched exclusively: " + f);
        }
        modified[i] = true;
        anyModified = true;
        ensureRedo(16);
        redo.put(type.code);
        putVarint(f.spaceId());
        putVarint(f.pageNo());
    }

    public void logU16(int v) {
        ensureRedo(2);
        redo.putShort((short) v);
    }

    public void logU8(int v) {
        ensureRedo(1);
        redo.put((byte) v);
    }

    public void logBytes(ByteBuffer src, int offset, int length) {
        ensureRedo(length);
        redo.put(redo.position(), src, offset, length);
        redo.position(redo.position() + length);
    }

    public void writeByte(BufferFrame f, int offset, int v) {
        f.page().put(offset, (byte) v);
        logWrite(f, offset, 1);
    }

    public void writeShort(BufferFrame f, int offset, int v) {
        f.page().putShort(offset, (short) v);
        logWrite(f, offset, 2);
    }

    public void writeInt(BufferFrame f, int offset, int v) {
        f.page().putInt(offset, v);
        logWrite(f, offset, 4);
    }

    public void writeLong(BufferFrame f, int offset, long v) {
        f.page().putLong(offset, v);
        logWrite(f, offset, 8);
    }

    /** Copies {@code length} bytes of {@code src} (absolute, from {@code srcOffset}) into the page. */
    public void writeBytes(BufferFrame f, int offset, ByteBuffer src, int srcOffset, int length) {
        f.page().put(offset, src, srcOffset, length);
        logWrite(f, offset, length);
    }

    public void writeBytes(BufferFrame f, int offset, byte[] src, int srcOffset, int length) {
        f.page().put(offset, src, srcOffset, length);
        logWrite(f, offset, length);
    }

    private void logWrite(BufferFrame f, int offset, int length) {
        beginRecord(RedoRecordType.WRITE, f);
        logU16(offset);
        logU16(length);
        logBytes(f.page(), offset, length);
    }

    /** Moves {@code length} bytes inside the page from {@code from} to {@code to} (overlap allowed). */
    public void move(BufferFrame f, int from, int to, int length) {
        applyMove(f.page(), from, to, length);
        beginRecord(RedoRecordType.MOVE, f);
        logU16(from);
        logU16(to);
        logU16(length);
    }

    /** The memmove of MOVE, shared with redo apply. */
    public static void applyMove(ByteBuffer page, int from, int to, int length) {
        if (length == 0 || from == to) {
            return;
        }
        ByteBuffer src = page.duplicate();
        // put(int, ByteBuffer, int, int) is specified as a bulk copy that handles overlap only when
        // the buffers are distinct objects; a duplicate of a direct buffer copies through memmove.
        page.put(to, src, from, length);
    }

    /** Sets {@code length} bytes from {@code offset} to {@code value}. */
    public void fill(BufferFrame f, int offset, int length, int value) {
        applyFill(f.page(), offset, length, value);
        beginRecord(RedoRecordType.FILL, f);
        logU16(offset);
        logU16(length);
        logU8(value);
    }

    public static void applyFill(ByteBuffer page, int offset, int length, int value) {
        byte b = (byte) value;
        for (int i = 0; i < length; i++) {
            page.put(offset + i, b);
        }
    }

    private void ensureRedo(int more) {
        if (redo.remaining() < more + 16) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(redo.capacity() * 2, redo.position() + more + 64));
            redo.flip();
            bigger.put(redo);
            redo = bigger;
        }
    }

    private void putVarint(int v) {
        // Unsigned LEB128: 7 bits per byte, high bit set on all but the last.
        while ((v & ~0x7F) != 0) {
            redo.put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        redo.put((byte) v);
    }

    /**
     * Appends a record that changes no page (a file operation): {@code type}, the space id, the payload length and {@code payload[off, off + len)}.
     * The record commits, and is recovered, with the rest of this mini-transaction.
     */
    public void logNonPage(RedoRecordType type, int spaceId, byte[] payload, int off, int len) {
        anyModified = true;
        ensureRedo(16 + len);
        redo.put(type.code);
        putVarint(spaceId);
        putVarint(len);
        redo.put(payload, off, len);
    }

    /** Bytes of redo written so far by this mini-transaction. */
    public int redoLength() {
        return redo.position();
    }

    // ---- commit -------------------------------------------------------------------------------

    /**
     * Commits: assigns the LSN range, stamps changed pages, adds newly dirty ones to their flush
     * lists, then releases every latch and fix. Returns the end LSN (or the current LSN if nothing
     * changed).
     */
    public long commit() {
        if (!active) {
            throw new IllegalStateException("commit of an inactive mini-transaction");
        }
        long end;
        if (anyModified) {
            redo.flip();
            end = log.commit(redo, this);
        } else {
            end = log.currentLsn();
        }
        releaseAll();
        return end;
    }

    /** Called by the redo log under its mutex with this mtr's LSN range. */
    @Override
    public void committed(long startLsn, long endLsn) {
        for (int i = 0; i < size; i++) {
            if (modified[i]) {
                pool.noteModified(frames[i], startLsn, endLsn);
            }
        }
    }

    private void releaseAll() {
        for (int i = size - 1; i >= 0; i--) {
            pool.release(frames[i], modes[i]);
            frames[i] = null;
        }
        size = 0;
        active = false;
    }

    /**
     * Ends the mini-transaction. After {@link #commit} this does nothing. Otherwise the latches
     * are released; if pages were changed, they now hold changes that no redo describes and that
     * cannot be undone, so the engine is told to stop accepting writes.
     */
    @Override
    public void close() {
        if (pooled) {
            return; // already closed (and back in the pool)
        }
        boolean changed = active && anyModified;
        if (active) {
            releaseAll();
        }
        pooled = true;
        owner.recycle(this);
        if (changed) {
            abandonedWithChanges.run();
        }
    }
}
