package io.flushdb.storage;

import io.flushdb.storage.buffer.BufferFrame;
import io.flushdb.storage.buffer.BufferPool;
import io.flushdb.storage.buffer.LatchMode;
import io.flushdb.storage.dict.Dictionary;
import io.flushdb.storage.dict.SystemPage;
import io.flushdb.storage.io.FileIO;
import io.flushdb.storage.io.FileStore;
import io.flushdb.storage.buffer.Doublewrite;
import io.flushdb.storage.buffer.BufferPoolStats;
import io.flushdb.storage.buffer.FlushBatch;
import io.flushdb.storage.cleaner.AdaptiveFlushing;
import io.flushdb.storage.cleaner.PageCleaner;
import io.flushdb.storage.log.LogCheckpointer;
import io.flushdb.storage.log.LogFiles;
import io.flushdb.storage.log.LogFlusher;
import io.flushdb.storage.trx.lock.LockSys;
import io.flushdb.storage.log.LogFormat;
import io.flushdb.storage.log.RedoRecordType;
import io.flushdb.storage.recovery.Recovery;
import io.flushdb.storage.trx.Transaction;
import io.flushdb.storage.trx.Purge;
import io.flushdb.storage.trx.TrxSys;
import java.util.List;
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
    private final Doublewrite doublewrite;
    private final BufferPool pool;
    private final LogFiles logFiles;
    private final RedoLog redo;
    private final MtrContext mtrs;
    private TrxSys trxSys;
    private Purge purge;
    private LockSys lockSys;
    private final Dictionary dictionary;
    private final boolean created;
    private final Recovery.Result recovery;
    private final boolean lastShutdownClean;
    /** Row and file I/O counters; the store counts into it, so it exists before the constructor runs. */
    private final InnodbCounters counters = new InnodbCounters();
    /** Guards the checkpoint number and the header write (not the engine monitor: see close). */
    private final Object checkpointLock = new Object();
    private long checkpointNumber;
    private final LogCheckpointer checkpointer;
    private final PageCleaner cleaner;
    private final LogFlusher logFlusher;
    private volatile int fastShutdown;
    private volatile State state = State.OPEN;
    private volatile Throwable failure;

    private Engine(EngineConfig config) {
        this.config = config;
        this.fastShutdown = config.fastShutdown();
        // Every file of the data directory is opened through the counting layer (Innodb_data_*);
        // the directory lock needs the real store.
        this.store = new CountingFileStore(config.store(), counters);
        this.directory = DataDirectory.acquire(config.store());
        TablespaceRegistry openedSpaces = null;
        LogFiles openedLog = null;
        Doublewrite openedDoublewrite = null;
        try {
            boolean exists = store.exists(DataDirectory.SYSTEM_TABLESPACE);
            this.created = !exists;
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
            spaces.open(0, DataDirectory.SYSTEM_TABLESPACE, !exists);
            this.doublewrite = config.doublewrite()
                    ? new Doublewrite(store, pageSize, spaces, spaces::force) : null;
            openedDoublewrite = doublewrite;
            this.pool = new BufferPool(config.bufferPoolConfig(pageSize), new EnginePageStore(), config.clock(),
                    this::walBarrier);
            long startLsn;
            long checkpointLsn;
            if (exists && LogFiles.exists(store)) {
                this.logFiles = LogFiles.open(store);
                openedLog = logFiles;
                long asked = LogFiles.capacityFor(redoCapacity(config));
                if (asked != logFiles.capacity() && config.redoLogCapacityGiven()) {
                    config.messages().accept("FlushDB: innodb_redo_log_capacity asks for a " + asked + "-byte redo log, but "
                            + store.location() + " has one of " + logFiles.capacity()
                            + " bytes, which is kept: the redo log is not resized yet");
                }
                this.recovery = new Recovery(logFiles, store, spaces, pool, doublewrite, config.recoveryMemory(),
                        config.messages()).run();
                startLsn = recovery.endLsn();
                checkpointLsn = recovery.checkpointLsn();
                this.checkpointNumber = logFiles.latestCheckpoint().number();
            } else {
                // A new data directory, or one written before the redo log existed (its last close
                // wrote every page): a new log starts past every LSN in the data files.
                long from = LogFormat.FIRST_LSN;
                if (exists) {
                    from = Math.max(from, LogFormat.toDataLsn(readLegacyShutdownLsn() + LogFormat.BLOCK));
                }
                this.logFiles = LogFiles.create(store, redoCapacity(config), from, pageSize);
                openedLog = logFiles;
                this.recovery = null;
                startLsn = from;
                checkpointLsn = from;
                this.checkpointNumber = 1;
            }
            this.redo = new RedoLog(logFiles, startLsn, checkpointLsn, logBufferSize(config), counters);
            redo.setFailureListener(this::fail);
            if (recovery != null) {
                redo.seedLastBlock(recovery.lastBlock());
            }
            this.mtrs = new MtrContext(pool, redo, () -> fail(new IllegalStateException(
                    "a mini-transaction was abandoned after changing pages")), counters);
            if (!exists) {
                Dictionary.bootstrap(mtrs, pageSize);
            }
            this.lastShutdownClean = exists && readCleanShutdown();
            if (exists && !lastShutdownClean && recovery != null && !recovery.neededRecovery()) {
                config.messages().accept("FlushDB: the last shutdown of " + store.location()
                        + " was not clean, but the redo log held nothing to apply");
            }
            markOpen();
            this.dictionary = Dictionary.load(mtrs, spaces, config.clock());
            this.trxSys = TrxSys.open(mtrs);
            trxSys.setTables(dictionary::tableBySpace);
            this.lockSys = new LockSys(config.clock());
            lockSys.setDescriber(new io.flushdb.storage.row.RowLockDescriber(dictionary));
            trxSys.setLockSys(lockSys);
            this.purge = new Purge(trxSys, config.clock(), dictionary::withoutDdl, store.location(), this::fail);
            trxSys.setCommitListener(purge::wakeUp);
            this.cleaner = new PageCleaner(new CleanerTarget(), config.clock(), config.pageCleaners(), 200, 2000,
                    config.messages(), store.location());
            pool.setFreeShortageListener(cleaner::freeShortage);
            this.checkpointer = new LogCheckpointer(new CheckpointTarget(), config.clock(), 1000, store.location());
            redo.setSpaceRequester(checkpointer::requestSpace);
            this.logFlusher = new LogFlusher(redo, config.clock(), config.flushLogAtTimeoutSeconds(), store.location(),
                    () -> fail(redo.failure()));
            cleaner.start();
            checkpointer.start();
            logFlusher.start();
            // Transactions that never committed (a crash, or a close with sessions open) are rolled
            // back from their undo logs once the checkpointer and the page cleaner run: a rollback
            // bigger than the free redo space waits for them like any other change.
            try {
                trxSys.rollBackRecovered(config.messages());
            } catch (RuntimeException | Error e) {
                checkpointer.close();
                cleaner.close();
                logFlusher.close();
                throw e;
            }
            purge.start();
        } catch (RuntimeException | Error e) {
            // Even an Error (out of memory) must not leave files open or the directory locked
            // for this JVM's life. Nothing more is written on this path: what the page cleaner and
            // the checkpointer wrote during the rollback at open is covered by the redo log, and the
            // rest stays in it for the next open.
            closeQuietly(openedLog, e);
            closeQuietly(openedDoublewrite == null ? null : openedDoublewrite::close, e);
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

    private static void closeQuietly(AutoCloseable c, Throwable e) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception suppressed) {
            e.addSuppressed(suppressed);
        }
    }

    /** The redo ring; in-memory engines keep theirs on the heap, so it is capped at 8 MiB there. */
    private static long redoCapacity(EngineConfig config) {
        long capacity = config.redoLogCapacity();
        return config.store().persistent() ? capacity : Math.min(capacity, 8L << 20);
    }

    /** The log buffer; capped for in-memory engines, which tests open by the hundred. */
    private static int logBufferSize(EngineConfig config) {
        long size = config.logBufferSize();
        if (!config.store().persistent()) {
            size = Math.min(size, 1 << 20);
        }
        return (int) Math.min(size, 1 << 30);
    }

    /** Opens the engine (creating the data directory if needed), recovering it from the redo log first. */
    public static Engine open(EngineConfig config) {
        return new Engine(config);
    }

    /** WAL1: the redo describing a page image is durable before the image is written. */
    private void walBarrier(long lsn) {
        if (state == State.FAILED) {
            // A page write is refused anyway (EnginePageStore): do not write redo for it either.
            throw new EngineFailedException(failure);
        }
        RedoLog r = redo;
        if (r != null) { // null while recovery writes pages whose redo it has just read from the log
            r.flushUpTo(lsn, true);
        }
    }

    /**
     * The page store as the buffer pool sees it: writes go through the doublewrite file when it is
     * on, and a failed page write makes the engine FAILED.
     */
    private final class EnginePageStore implements io.flushdb.storage.buffer.PageStore {
        @Override
        public void readPage(long pageId, ByteBuffer dst) {
            spaces.readPage(pageId, dst);
        }

        @Override
        public void writePage(long pageId, ByteBuffer src) {
            checkNotFailedForWrite();
            try {
                if (doublewrite != null) {
                    doublewrite.writeSingle(pageId, src);
                } else {
                    spaces.writePage(pageId, src);
                }
            } catch (RuntimeException | Error e) {
                fail(e);
                throw e;
            }
        }

        @Override
        public void writePages(long[] ids, ByteBuffer images, int n, int size) {
            checkNotFailedForWrite();
            try {
                if (doublewrite != null) {
                    doublewrite.writeBatch(ids, images, n);
                } else {
                    io.flushdb.storage.buffer.PageStore.super.writePages(ids, images, n, size);
                }
            } catch (RuntimeException | Error e) {
                fail(e);
                throw e;
            }
        }

        private void checkNotFailedForWrite() {
            if (state == State.FAILED) {
                // A page changed before the failure may be half-changed: it must not reach disk.
                throw new EngineFailedException(failure);
            }
        }
    }

    /**
     * Reads the page size from an existing system tablespace's page 0 without a buffer pool. A
     * zero-filled page 0 (the directory crashed before its first page write) takes the page size
     * the redo log recorded; recovery rebuilds the page.
     */
    private int[] readSystemHeader() {
        try (FileIO f = store.open(DataDirectory.SYSTEM_TABLESPACE, false)) {
            ByteBuffer b = ByteBuffer.allocate(PageHeader.BODY + 64);
            f.read(0, b);
            if (PageHeader.isAllZero(b, b.capacity()) && LogFiles.exists(store)) {
                try (LogFiles log = LogFiles.open(store)) {
                    return new int[] {log.pageSize()};
                }
            }
            if (b.getInt(SpaceHeader.OFFSET_MAGIC) != SpaceHeader.MAGIC) {
                throw new io.flushdb.storage.page.CorruptPageException(0, 0,
                        "the system tablespace's header has no FlushDB magic number");
            }
            return new int[] {b.getInt(SpaceHeader.OFFSET_PAGE_SIZE)};
        }
    }

    /** The shutdown LSN a data directory from before the redo log recorded on its system page. */
    private long readLegacyShutdownLsn() {
        BufferFrame f = pool.getPage(PageId.of(0, SystemPage.PAGE_NO), LatchMode.SHARED);
        try {
            if (f.page().getInt(SystemPage.OFFSET_CLEAN_SHUTDOWN) != 1) {
                throw new IllegalStateException(store.location() + " has no redo log and was not shut down "
                        + "cleanly: it cannot be recovered");
            }
            long shutdownLsn = f.page().getLong(SystemPage.OFFSET_SHUTDOWN_LSN);
            return Math.max(shutdownLsn, PageHeader.lsn(f.page()));
        } finally {
            pool.release(f, LatchMode.SHARED);
        }
    }

    private boolean readCleanShutdown() {
        BufferFrame f = pool.getPage(PageId.of(0, SystemPage.PAGE_NO), LatchMode.SHARED);
        try {
            return f.page().getInt(SystemPage.OFFSET_CLEAN_SHUTDOWN) == 1;
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

    /** Starts a transaction: it gets an id and an undo log with its first change. */
    public Transaction newTransaction() {
        return trxSys.begin();
    }

    /** The id the next transaction will get ("Trx id counter"). */
    public long transactionIdCounter() {
        return trxSys.nextId();
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

    /** The LSN up to which redo has been written to the log files ("Log written up to"). */
    public long logWrittenLsn() {
        return redo.writtenLsn();
    }

    /**
     * The LSN up to which redo is durable in the log ("Log flushed up to",
     * {@code Innodb_redo_log_flushed_to_disk_lsn}).
     */
    public long flushedToDiskLsn() {
        return redo.flushedLsn();
    }

    /** The LSN of the last durable checkpoint ("Last checkpoint at"). */
    public long lastCheckpointLsn() {
        return redo.lastCheckpointLsn();
    }

    /**
     * The oldest modification LSN over every buffer pool instance's flush list, or the current
     * LSN when no page is dirty ("Pages flushed up to": every change below it is in the data
     * files). A racy snapshot: the current LSN is read first (LOG1).
     */
    public long oldestModificationLsn() {
        long lsn = redo.currentLsn();
        long oldest = pool.oldestModification();
        return oldest == 0 ? lsn : Math.min(oldest, lsn);
    }

    /** The log checkpointer thread ({@code innodb_log_checkpoint_every} sets its period). */
    public LogCheckpointer checkpointer() {
        return checkpointer;
    }

    /** The page cleaner threads ({@code innodb_io_capacity} and the other flushing settings). */
    public PageCleaner pageCleaner() {
        return cleaner;
    }

    /** The once-per-timeout log flusher ({@code innodb_flush_log_at_timeout} sets its period). */
    public LogFlusher logFlusher() {
        return logFlusher;
    }

    /** The transaction system: ids, active transactions, read views, undo logs. */
    public TrxSys trxSys() {
        return trxSys;
    }

    /** The row and table lock system. */
    public LockSys lockSys() {
        return lockSys;
    }

    /** The purge thread. */
    public Purge purge() {
        return purge;
    }

    /** What recovery did at open, or null if the data directory was created or had no redo log. */
    public Recovery.Result recovery() {
        return recovery;
    }

    /** Whether the previous close was a clean (sharp-checkpoint) shutdown. */
    public boolean lastShutdownClean() {
        return lastShutdownClean;
    }

    /** The doublewrite buffer, or null when {@code innodb_doublewrite} is OFF. */
    public Doublewrite doublewrite() {
        return doublewrite;
    }

    /** {@code innodb_fast_shutdown} as {@link #close} will apply it. */
    public void setFastShutdown(int mode) {
        if (mode < 0 || mode > 2) {
            throw new IllegalArgumentException("innodb_fast_shutdown must be 0, 1 or 2: " + mode);
        }
        this.fastShutdown = mode;
    }

    public int fastShutdown() {
        return fastShutdown;
    }

    /**
     * {@code SET GLOBAL innodb_log_checkpoint_now=ON}: writes every page dirtied before the call,
     * then has the checkpointer make a checkpoint at or past the LSN of the call and waits until it
     * is durable.
     */
    public void checkpointNow() {
        checkWritable();
        long lsn = redo.currentLsn();
        cleaner.forcedFlush(lsn);
        checkpointer.requestCheckpoint(lsn);
    }

    /** What a checkpointer pass does to this engine. */
    private final class CheckpointTarget implements LogCheckpointer.Target {
        @Override
        public long checkpointLsn() {
            return availableCheckpointLsn();
        }

        @Override
        public boolean needsFlush() {
            return redo.checkpointAge() > redo.syncAge();
        }

        @Override
        public void syncFlush() {
            // The page cleaner writes every page older than the LSN that brings the age back to
            // the async point, from where adaptive flushing keeps it.
            long target = redo.currentLsn() - redo.asyncAge();
            if (target > redo.lastCheckpointLsn()) {
                cleaner.syncFlush(target, redo.capacity() / 16);
            }
        }

        @Override
        public long lastCheckpointLsn() {
            return redo.lastCheckpointLsn();
        }

        @Override
        public void makeDurable(long lsn) {
            writeCheckpoint(lsn);
        }

        @Override
        public void failed(RuntimeException e) {
            fail(e);
            redo.wakeSpaceWaiters(e); // a change waiting for log space (even during open) fails now
        }

        @Override
        public void spacePassDone() {
            redo.spaceReleased();
        }
    }

    /** What a page cleaner pass works on: this engine's buffer pool and redo log. */
    private final class CleanerTarget implements PageCleaner.Target {
        @Override
        public int instances() {
            return pool.instanceCount();
        }

        @Override
        public int lruScanDepth() {
            return pool.lruScanDepth();
        }

        @Override
        public int flushLru(int instance, int scanDepth, FlushBatch b) {
            return pool.flushLru(instance, scanDepth, b);
        }

        @Override
        public int flushList(int instance, long maxPages, long lsnLimit, FlushBatch b) {
            return pool.flushList(instance, maxPages, lsnLimit, b);
        }

        @Override
        public FlushBatch newBatch() {
            return new FlushBatch(pageSize);
        }

        @Override
        public long currentLsn() {
            return redo.currentLsn();
        }

        @Override
        public long flushedUpTo() {
            return oldestModificationLsn();
        }

        @Override
        public AdaptiveFlushing.Snapshot snapshot(long nowSeconds, long lastPagesFlushed) {
            long current = redo.currentLsn(); // first: pages changed below it are on flush lists (LOG1)
            long oldest = pool.oldestModification();
            BufferPoolStats t = pool.totals();
            return new AdaptiveFlushing.Snapshot(nowSeconds, current, oldest == 0 ? current : Math.min(oldest, current),
                    redo.capacity(), redo.asyncAge(), t.modifiedPages(), t.databasePages(), t.freeBuffers(),
                    pool.instanceCount(), pool::dirtyPagesAtOrBelow, lastPagesFlushed);
        }

        @Override
        public void failed(RuntimeException e) {
            fail(e);
            redo.wakeSpaceWaiters(e); // a change waiting for log space (even during open) fails now
        }
    }

    /**
     * The LSN a checkpoint may be made at now: the oldest modification over every flush list (the
     * current LSN when no page is dirty). Open transactions do not hold it back: their undo is in
     * undo pages, which the checkpoint covers like any other. The current LSN is read first: every page changed below it is on a flush list (LOG1),
     * so a page dirtied meanwhile cannot make the answer newer than a change still unwritten.
     */
    public long availableCheckpointLsn() {
        return oldestModificationLsn();
    }

    /**
     * Makes a checkpoint at {@code lsn} (every change below it is written to the data files):
     * forces the data files; logs, for every open tablespace, its file name and page 0
     * ({@code FILE_MODIFY}, which recovery needs to find the files and to rebuild a deferred page 0);
     * makes the redo durable past both; writes the checkpoint slot; frees the log space below it.
     */
    private void writeCheckpoint(long lsn) {
        synchronized (checkpointLock) {
            if (lsn <= redo.lastCheckpointLsn()) {
                return;
            }
            spaces.forceAll();
            long end = logOpenSpaces();
            redo.flushUpTo(Math.max(end, lsn), true);
            checkpointNumber++;
            logFiles.writeCheckpoint(new LogFiles.Checkpoint(checkpointNumber, lsn));
            redo.checkpointed(lsn);
            counters.checkpoints.increment();
        }
    }

    /** Writes a FILE_MODIFY record for every open tablespace but the system one; returns the end LSN. */
    private long logOpenSpaces() {
        long end = redo.currentLsn();
        byte[] payload = new byte[0];
        MiniTransaction mtr = null;
        try {
            for (io.flushdb.storage.space.Tablespace ts : spaces.all()) {
                if (ts.spaceId() == 0) {
                    continue;
                }
                byte[] name = ts.fileName().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                int len = 2 + name.length + SpaceHeader.IMAGE_BYTES;
                if (payload.length < len) {
                    payload = new byte[len + 64];
                }
                payload[0] = (byte) (name.length >>> 8);
                payload[1] = (byte) name.length;
                System.arraycopy(name, 0, payload, 2, name.length);
                BufferFrame f;
                try {
                    f = pool.getPage(PageId.of(ts.spaceId(), 0), LatchMode.SHARED);
                } catch (RuntimeException dropped) {
                    if (spaces.isOpen(ts.spaceId())) {
                        throw dropped;
                    }
                    continue; // dropped concurrently
                }
                try {
                    f.page().get(0, payload, 2 + name.length, SpaceHeader.IMAGE_BYTES);
                } finally {
                    pool.release(f, LatchMode.SHARED);
                }
                if (mtr == null) {
                    mtr = mtrs.startWithoutFreeCheck();
                }
                mtr.logNonPage(RedoRecordType.FILE_MODIFY, ts.spaceId(), payload, 0, len);
                if (mtr.redoLength() > redo.bufferSize() / 4) {
                    end = mtr.commit();
                    mtr.close();
                    mtr = null;
                }
            }
            if (mtr != null) {
                end = mtr.commit();
            }
        } finally {
            if (mtr != null) {
                mtr.close();
            }
        }
        return end;
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
     * Closes the engine as {@code innodb_fast_shutdown} says. From OPEN with 0 or 1: a sharp
     * checkpoint (every dirty page written, the files forced, the clean-shutdown flag set, a
     * checkpoint at the current LSN); with 2: only the redo is made durable, and the next open runs
     * recovery. From FAILED nothing is written. Releases the data directory either way.
     */
    @Override
    public void close() {
        // The background threads stop first, outside the monitor: a pass may be calling fail().
        if (purge != null) {
            if (fastShutdown == 0 && state == State.OPEN) {
                purge.purgeAll(); // a slow shutdown leaves nothing to purge
            }
            purge.close();
        }
        checkpointer.close();
        cleaner.close();
        logFlusher.close();
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
                try {
                    if (fastShutdown == 2) {
                        redo.flushUpTo(redo.currentLsn(), true);
                    } else {
                        sharpCheckpoint();
                    }
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
                try {
                    logFiles.close();
                    if (doublewrite != null) {
                        doublewrite.close();
                    }
                } finally {
                    directory.close();
                }
            }
        }
    }

    private void sharpCheckpoint() {
        try (MiniTransaction mtr = mtrs.startWithoutFreeCheck()) {
            BufferFrame sys = mtr.getPage(PageId.of(0, SystemPage.PAGE_NO), LatchMode.EXCLUSIVE);
            mtr.writeLong(sys, SystemPage.OFFSET_SHUTDOWN_LSN, redo.currentLsn());
            mtr.writeInt(sys, SystemPage.OFFSET_CLEAN_SHUTDOWN, 1);
            mtr.commit();
        }
        pool.flushAll();
        // Transactions still open (a session not closed) keep their undo logs in their rollback
        // segment slots: the next open rolls them back, as after a crash.
        writeCheckpoint(availableCheckpointLsn());
        redo.flushUpTo(redo.currentLsn(), true);
    }
}
