package io.flushdb.storage;

import io.flushdb.storage.buffer.BufferFrame;
import io.flushdb.storage.buffer.BufferPool;
import io.flushdb.storage.buffer.LatchMode;
import io.flushdb.storage.dict.Dictionary;
import io.flushdb.storage.dict.SystemPage;
import io.flushdb.storage.io.FileIO;
import io.flushdb.storage.io.FileStore;
import io.flushdb.storage.log.LogCheckpointer;
import io.flushdb.storage.log.RedoLog;
import io.flushdb.storage.metrics.CountingFileStore;
import io.flushdb.storage.metrics.InnodbCounters;
import io.flushdb.storage.mtr.MiniTransaction;
import io.flushdb.storage.mtr.MtrContext;
import io.flushdb.storage.page.PageHeader;
import io.flushdb.storage.page.PageId;
import io.flushdb.storage.space.DataDirectory;
import io.flushdb.storage.space.SpaceHeader;
import io.flushdb.storage.space.TablespaceRegistry;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One open data directory: the storage engine instance that owns every component below it (the
 * tablespaces, the buffer pool, the redo log, the dictionary) and is the only thing above the
 * storage layer needs to open or close.
 *
 * <p>States: {@code OPEN} → {@code CLOSED} by {@link #close}; {@code OPEN} → {@code FAILED} when a
 * write fails or a mini-transaction is abandoned with half-made changes. A failed engine refuses
 * every later write with {@link EngineFailedException} (naming the first failure) but still serves
 * reads; closing it writes nothing more.
 *
 * <p>Concurrency: thread-safe. {@link #state} is volatile, written by {@link #fail} and
 * {@link #close}, read by every writer.
 */
public final class Engine implements AutoCloseable {
    /** Engine states. */
    public enum State {
        /** Serving reads and writes. Entered by {@link #open}. */
        OPEN,
        /** Refusing writes after a failure. Entered from OPEN by {@link #fail}. */
        FAILED,
        /** Closed; entered from OPEN or FAILED by {@link #close}. */
        CLOSED
    }

    private final EngineConfig config;
    private final FileStore store;
    private final DataDirectory directory;
    private final int pageSize;
    private final TablespaceRegistry spaces;
    private final BufferPool pool;
    private final RedoLog redo;
    private final MtrContext mtrs;
    private final Dictionary dictionary;
    private final boolean created;
    private final AtomicLong transactionIds = new AtomicLong(1);
    /** Row and file I/O counters; the store counts into it, so it exists before the constructor runs. */
    private final InnodbCounters counters = new InnodbCounters();
    private volatile long lastCheckpointLsn;
    /** Guards the monotonic update of {@link #lastCheckpointLsn} (not the engine monitor: see close). */
    private final Object checkpointLock = new Object();
    private final LogCheckpointer checkpointer;
    private volatile State state = State.OPEN;
    private volatile Throwable failure;

    private Engine(EngineConfig config) {
        this.config = config;
        // Every file of the data directory is opened through the counting layer (Innodb_data_*);
        // the directory lock needs the real store.
        this.store = new CountingFileStore(config.store(), counters);
        this.directory = DataDirectory.acquire(config.store());
        TablespaceRegistry openedSpaces = null;
        try {
            boolean exists = store.exists(DataDirectory.SYSTEM_TABLESPACE);
            this.created = !exists;
            long startLsn = 1;
            if (exists) {
                int[] header = readSystemHeader();
                this.pageSize = header[0];
                if (config.pageSizeGiven() && config.pageSize() != pageSize) {
                    throw new IllegalArgumentException("innodb_page_size=" + config.pageSize()
                            + " does not match the data directory's page size " + pageSize);
                }
            } else {
                if (!PageHeader.isValidPageSize(config.pageSize())) {
                    throw new IllegalArgumentException("innodb_page_size must be 4k, 8k, 16k, 32k or 64k: "
                            + config.pageSize());
                }
                this.pageSize = config.pageSize();
            }
            this.spaces = new TablespaceRegistry(store, pageSize);
            openedSpaces = spaces;
            this.pool = new BufferPool(config.bufferPoolConfig(pageSize), new FailOnWriteError(spaces), config.clock(),
                    lsn -> { });
            spaces.open(0, DataDirectory.SYSTEM_TABLESPACE, !exists);
            if (exists) {
                startLsn = readShutdownLsn() + 1;
            }
            this.redo = new RedoLog(startLsn);
            // Every change below startLsn is in the data files (a clean close wrote them all).
            this.lastCheckpointLsn = startLsn;
            this.mtrs = new MtrContext(pool, redo, () -> fail(new IllegalStateException(
                    "a mini-transaction was abandoned after changing pages")), counters);
            if (!exists) {
                Dictionary.bootstrap(mtrs, pageSize);
            }
            markOpen();
            this.dictionary = Dictionary.load(mtrs, spaces, config.clock());
            this.checkpointer = new LogCheckpointer(new CheckpointTarget(), config.clock(), 1000, store.location());
            checkpointer.start();
        } catch (RuntimeException | Error e) {
            // Even an Error (out of memory) must not leave files open or the directory locked
            // for this JVM's life. Nothing was changed that a clean close would have to write.
            if (openedSpaces != null) {
                try {
                    openedSpaces.closeAll();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            try {
                directory.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Opens (creating if needed) the data directory described by {@code config}. */
    public static Engine open(EngineConfig config) {
        return new Engine(config);
    }

    /** The page store as the buffer pool sees it: a failed page write makes the engine FAILED. */
    private final class FailOnWriteError implements io.flushdb.storage.buffer.PageStore {
        private final TablespaceRegistry target;

        FailOnWriteError(TablespaceRegistry target) {
            this.target = target;
        }

        @Override
        public void readPage(long pageId, ByteBuffer dst) {
            target.readPage(pageId, dst);
        }

        @Override
        public void writePage(long pageId, ByteBuffer src) {
            if (state == State.FAILED) {
                // A page changed before the failure may be half-changed: it must not reach disk.
                throw new EngineFailedException(failure);
            }
            try {
                target.writePage(pageId, src);
            } catch (RuntimeException e) {
                fail(e);
                throw e;
            }
        }
    }

    /** Reads the page size from an existing system tablespace's page 0 without a buffer pool. */
    private int[] readSystemHeader() {
        try (FileIO f = store.open(DataDirectory.SYSTEM_TABLESPACE, false)) {
            ByteBuffer b = ByteBuffer.allocate(PageHeader.BODY + 64);
            f.read(0, b);
            if (b.getInt(SpaceHeader.OFFSET_MAGIC) != SpaceHeader.MAGIC) {
                throw new io.flushdb.storage.page.CorruptPageException(0, 0,
                        "the system tablespace's header has no FlushDB magic number");
            }
            return new int[] {b.getInt(SpaceHeader.OFFSET_PAGE_SIZE)};
        }
    }

    private long readShutdownLsn() {
        BufferFrame f = pool.getPage(PageId.of(0, SystemPage.PAGE_NO), LatchMode.SHARED);
        try {
            long shutdownLsn = f.page().getLong(SystemPage.OFFSET_SHUTDOWN_LSN);
            // Without a redo log, the newest page LSN of the system page bounds nothing else; the
            // stored shutdown LSN is the largest LSN any page can carry after a clean close.
            return Math.max(shutdownLsn, PageHeader.lsn(f.page()));
        } finally {
            pool.release(f, LatchMode.SHARED);
        }
    }

    /** Clears the clean-shutdown flag: the directory is in use. */
    private void markOpen() {
        try (MiniTransaction mtr = mtrs.start()) {
            BufferFrame sys = mtr.getPage(PageId.of(0, SystemPage.PAGE_NO), LatchMode.EXCLUSIVE);
            mtr.writeInt(sys, SystemPage.OFFSET_CLEAN_SHUTDOWN, 0);
            mtr.commit();
        }
    }

    // ---- components ---------------------------------------------------------------------------

    public Dictionary dictionary() {
        return dictionary;
    }

    public BufferPool bufferPool() {
        return pool;
    }

    public RedoLog redoLog() {
        return redo;
    }

    public MtrContext mtrs() {
        return mtrs;
    }

    public TablespaceRegistry tablespaces() {
        return spaces;
    }

    public EngineConfig config() {
        return config;
    }

    public int pageSize() {
        return pageSize;
    }

    /** Whether {@link #open} created the data directory. */
    public boolean created() {
        return created;
    }

    /** Where the data lives (a path, or mem:name). */
    public String location() {
        return store.location();
    }

    public long newTransactionId() {
        return transactionIds.getAndIncrement();
    }

    /** The id the next transaction will get ("Trx id counter"). */
    public long transactionIdCounter() {
        return transactionIds.get();
    }

    // ---- monitoring ---------------------------------------------------------------------------

    /** Row operation and file I/O counters (the {@code Innodb_rows_*}, {@code Innodb_data_*} figures). */
    public InnodbCounters counters() {
        return counters;
    }

    /** The LSN the next mini-transaction starts at ("Log sequence number"). */
    public long currentLsn() {
        return redo.currentLsn();
    }

    /**
     * The LSN up to which redo has been written to the log ("Log written up to"). The redo log
     * has no file or buffer yet: a commit hands its records on at once, so this is the current
     * LSN. The durable log replaces it with the log writer's figure.
     */
    public long logWrittenLsn() {
        return redo.currentLsn();
    }

    /**
     * The LSN up to which redo is durable in the log ("Log flushed up to",
     * {@code Innodb_redo_log_flushed_to_disk_lsn}). With no log file there is nothing to wait
     * for, so this is the current LSN, as {@link #logWrittenLsn}; the durable log replaces it
     * with the log flusher's figure.
     */
    public long flushedToDiskLsn() {
        return redo.currentLsn();
    }

    /**
     * The LSN of the last checkpoint ("Last checkpoint at"): every change below it is in the
     * data files. At open it is the LSN the engine started from (a clean close wrote every page);
     * the checkpointer moves it with {@link #checkpointed}.
     */
    public long lastCheckpointLsn() {
        return lastCheckpointLsn;
    }

    /**
     * Records a checkpoint at {@code lsn}: called by the checkpointer once the checkpoint is
     * durable. The value never moves backwards.
     */
    public void checkpointed(long lsn) {
        synchronized (checkpointLock) {
            if (lsn > lastCheckpointLsn) {
                lastCheckpointLsn = lsn;
            }
        }
        counters.checkpoints.increment();
    }

    /** The log checkpointer thread ({@code innodb_log_checkpoint_every} sets its period). */
    public LogCheckpointer checkpointer() {
        return checkpointer;
    }

    /**
     * {@code SET GLOBAL innodb_log_checkpoint_now=ON}: writes every page dirtied before the call,
     * then has the checkpointer make a checkpoint at or past the LSN of the call and waits until it
     * is durable.
     */
    public void checkpointNow() {
        checkWritable();
        long lsn = redo.currentLsn();
        pool.flushAll();
        checkpointer.requestCheckpoint(lsn);
    }

    /** What a checkpointer pass does to this engine. */
    private final class CheckpointTarget implements LogCheckpointer.Target {
        @Override
        public long checkpointLsn() {
            return oldestModificationLsn();
        }

        @Override
        public long lastCheckpointLsn() {
            return lastCheckpointLsn;
        }

        @Override
        public void makeDurable(long lsn) {
            // Every change below lsn is written; forced, the data files hold it across a crash.
            spaces.forceAll();
            checkpointed(lsn);
        }

        @Override
        public void failed(RuntimeException e) {
            fail(e);
        }
    }

    /**
     * The oldest modification LSN over every buffer pool instance's flush list, or the current
     * LSN when no page is dirty ("Pages flushed up to": every change below it is in the data
     * files). A racy snapshot: the current LSN is read first, so a page dirtied meanwhile cannot
     * make the answer newer than a change still unwritten.
     */
    public long oldestModificationLsn() {
        long lsn = redo.currentLsn();
        long oldest = pool.oldestModification();
        return oldest == 0 ? lsn : Math.min(oldest, lsn);
    }

    // ---- state --------------------------------------------------------------------------------

    public State state() {
        return state;
    }

    /** Throws unless the engine accepts writes. */
    public void checkWritable() {
        State s = state;
        if (s == State.FAILED) {
            throw new EngineFailedException(failure);
        }
        if (s == State.CLOSED) {
            throw new IllegalStateException("the engine on " + location() + " is closed");
        }
    }

    /** Enters FAILED (sticky): the first failure is kept and reported to every later writer. */
    public synchronized void fail(Throwable cause) {
        if (state == State.OPEN) {
            failure = cause;
            state = State.FAILED;
        }
    }

    public Throwable failure() {
        return failure;
    }

    /**
     * Closes the engine. From OPEN, writes every dirty page, records the LSN and a clean shutdown,
     * and forces every file; from FAILED, writes nothing. Releases the data directory either way.
     */
    @Override
    public void close() {
        // The checkpointer stops first, outside the monitor: a pass may be calling fail().
        checkpointer.close();
        closeFiles();
    }

    private synchronized void closeFiles() {
        if (state == State.CLOSED) {
            return;
        }
        boolean clean = state == State.OPEN;
        state = State.CLOSED;
        try {
            if (clean) {
                try (MiniTransaction mtr = mtrs.start()) {
                    BufferFrame sys = mtr.getPage(PageId.of(0, SystemPage.PAGE_NO), LatchMode.EXCLUSIVE);
                    mtr.writeLong(sys, SystemPage.OFFSET_SHUTDOWN_LSN, redo.currentLsn() + 1);
                    mtr.writeInt(sys, SystemPage.OFFSET_CLEAN_SHUTDOWN, 1);
                    mtr.commit();
                }
                try {
                    pool.flushAll();
                    spaces.forceAll();
                } catch (RuntimeException e) {
                    // The state is already CLOSED, so fail() would not record it: keep the cause.
                    if (failure == null) {
                        failure = e;
                    }
                    throw e;
                }
            }
        } finally {
            try {
                spaces.closeAll();
            } finally {
                directory.close();
            }
        }
    }
}
