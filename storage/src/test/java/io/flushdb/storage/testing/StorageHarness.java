package io.flushdb.storage.testing;

import io.flushdb.storage.buffer.BufferPool;
import io.flushdb.storage.buffer.BufferPoolConfig;
import io.flushdb.storage.io.FileStore;
import io.flushdb.storage.io.MemoryFileStore;
import io.flushdb.storage.log.RedoLog;
import io.flushdb.storage.mtr.MiniTransaction;
import io.flushdb.storage.mtr.MtrContext;
import io.flushdb.storage.space.PageAllocator;
import io.flushdb.storage.space.TablespaceRegistry;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The storage stack below the dictionary, for tests of pages, the buffer pool and B+trees: one
 * tablespace file (space 1) on a memory store, a buffer pool of a chosen size, a redo log and the
 * mini-transaction context.
 */
public final class StorageHarness {
    public final FileStore store;
    public final TablespaceRegistry spaces;
    public final BufferPool pool;
    public final RedoLog redo;
    public final MtrContext mtrs;
    public final ManualClock clock = new ManualClock();
    public final AtomicReference<Throwable> abandoned = new AtomicReference<>();
    public static final int SPACE = 1;

    public StorageHarness(int pageSize, int poolPages) {
        this(new MemoryFileStore("test"), pageSize, poolPages, 1);
    }

    public StorageHarness(FileStore store, int pageSize, int poolPages, int instances) {
        this.store = store;
        this.spaces = new TablespaceRegistry(store, pageSize);
        this.pool = new BufferPool(new BufferPoolConfig((long) poolPages * pageSize, instances, pageSize, 37, 1000, 1024),
                spaces, clock, lsn -> { });
        this.redo = new RedoLog(1);
        this.mtrs = new MtrContext(pool, redo, () -> abandoned.set(new IllegalStateException("abandoned mtr")));
        spaces.open(SPACE, "space1.ibd", true);
        try (MiniTransaction mtr = mtrs.start()) {
            PageAllocator.initSpace(mtr, SPACE);
            mtr.commit();
        }
    }
}
