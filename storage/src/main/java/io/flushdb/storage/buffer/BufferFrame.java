package io.flushdb.storage.buffer;

import io.flushdb.storage.page.PageId;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.StampedLock;

/**
 * The control block of one page frame (InnoDB's {@code buf_block_t}): which page the frame holds,
 * how many threads have it fixed, its page latch, its place in the LRU and flush lists, and the two
 * modification LSNs.
 *
 * <p>The page bytes live off-heap in a slice of the instance's arena, allocated once at pool
 * creation: reading or changing a page allocates nothing.
 *
 * <p>Concurrency, field by field:
 * <ul>
 *   <li>{@code pageId}, {@code state}, the LRU links, {@code old}, {@code firstAccessMillis},
 *       {@code freedClockWhenYoung}: guarded by the instance mutex. {@code pageId} is also read
 *       without it by the thread that has the frame fixed (it cannot change while fixed).</li>
 *   <li>{@code fixCount}: incremented only under the instance mutex (through the page hash, so an
 *       evictor holding the mutex sees every fix); decremented atomically anywhere.</li>
 *   <li>{@code oldestModification}, the flush-list links: guarded by the instance's flush-list mutex.
 *       {@code oldestModification} is volatile so the status report may read it racily.</li>
 *   <li>{@code newestModification}, {@code modifyClock}, the page bytes: written under the page's
 *       exclusive latch; read under a shared or exclusive latch.</li>
 *   <li>{@code writing}: claimed by compare-and-set by the one flusher that writes the page (the
 *       others, holding the same shared latch, skip it).</li>
 * </ul>
 */
public final class BufferFrame {
    /** Frame states. Moved between only under the instance mutex. */
    enum State {
        /** On the free list; holds no page. */
        FREE,
        /** Holds a page whose read from the file is in progress; the reader holds the latch exclusively. */
        READING,
        /** Holds a valid page, in the page hash and the LRU list. */
        FILE_PAGE
    }

    private static final VarHandle FIX_COUNT;
    private static final VarHandle WRITING;

    static {
        try {
            FIX_COUNT = MethodHandles.lookup().findVarHandle(BufferFrame.class, "fixCount", int.class);
            WRITING = MethodHandles.lookup().findVarHandle(BufferFrame.class, "writing", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final BufferPoolInstance instance;
    final int index;
    private final ByteBuffer page;
    final StampedLock latch = new StampedLock();

    // Guarded by the instance mutex.
    volatile long pageId = -1;
    State state = State.FREE;
    int lruPrev = -1;
    int lruNext = -1;
    boolean inLru;
    boolean old;
    long firstAccessMillis;
    long freedClockWhenYoung;

    @SuppressWarnings("unused") // accessed through FIX_COUNT
    private volatile int fixCount;

    /**
     * 1 while one thread owns the write of this page (InnoDB's io_fix = BUF_IO_WRITE): several
     * flushers may hold the page's shared latch at once, but only the owner writes the image and
     * takes the page off its flush list. Set and cleared by compare-and-set.
     */
    @SuppressWarnings("unused") // accessed through WRITING
    private volatile int writing;

    // Guarded by the flush-list mutex.
    volatile long oldestModification;
    int flushPrev = -1;
    int flushNext = -1;

    // Guarded by the page latch (exclusive to write).
    long newestModification;
    long modifyClock;

    BufferFrame(BufferPoolInstance instance, int index, ByteBuffer page) {
        this.instance = instance;
        this.index = index;
        this.page = page;
    }

    /** The page bytes. Requires: the frame is fixed and latched by the caller. */
    public ByteBuffer page() {
        return page;
    }

    /** The page this frame holds. Requires: the frame is fixed. */
    public long pageId() {
        return pageId;
    }

    public int spaceId() {
        return PageId.spaceId(pageId);
    }

    public int pageNo() {
        return PageId.pageNo(pageId);
    }

    /** LSN of the first change since the page was last written, or 0 when the page is clean. */
    public long oldestModification() {
        return oldestModification;
    }

    /** LSN of the newest change. Requires: a latch on the page. */
    public long newestModification() {
        return newestModification;
    }

    /**
     * A counter bumped by every change that can move or remove records on the page (InnoDB's
     * {@code modify_clock}): a cursor that released the page compares it to decide whether its
     * saved position is still valid. Requires: a latch on the page.
     */
    public long modifyClock() {
        return modifyClock;
    }

    /** Requires: the page latched exclusively. */
    public void bumpModifyClock() {
        modifyClock++;
    }

    public boolean isDirty() {
        return oldestModification != 0;
    }

    int fixCount() {
        return (int) FIX_COUNT.getVolatile(this);
    }

    /** Requires: the instance mutex (see the class comment). */
    void fix() {
        FIX_COUNT.getAndAdd(this, 1);
    }

    /** Claims the write of this page; false if another flusher owns it. */
    boolean startWrite() {
        return WRITING.compareAndSet(this, 0, 1);
    }

    boolean isBeingWritten() {
        return (int) WRITING.getVolatile(this) != 0;
    }

    /** Gives up the write claimed by {@link #startWrite}. */
    void endWrite() {
        WRITING.setVolatile(this, 0);
    }

    void unfix() {
        int before = (int) FIX_COUNT.getAndAdd(this, -1);
        assert before > 0 : "unfix of an unfixed frame " + this;
    }

    @Override
    public String toString() {
        return "frame#" + index + PageId.toString(pageId) + "(" + state + ", fix " + fixCount() + ")";
    }
}
