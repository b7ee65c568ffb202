package io.flushdb.storage.recovery;

import io.flushdb.storage.buffer.BufferFrame;
import io.flushdb.storage.buffer.BufferPool;
import io.flushdb.storage.buffer.Doublewrite;
import io.flushdb.storage.buffer.LatchMode;
import io.flushdb.storage.io.FileStore;
import io.flushdb.storage.log.LogFiles;
import io.flushdb.storage.log.LogFormat;
import io.flushdb.storage.log.RedoLogCorruptException;
import io.flushdb.storage.log.RedoRecordType;
import io.flushdb.storage.page.PageHeader;
import io.flushdb.storage.page.PageId;
import io.flushdb.storage.space.TablespaceRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Crash recovery (InnoDB's recv_sys): brings the data files to the state the redo log describes.
 *
 * <ol>
 *   <li>Take the newest valid checkpoint slot.</li>
 *   <li><b>Pass 1</b>: read the redo from the checkpoint to its true end ({@link RedoReader}),
 *       parsing every record group but keeping only the file records ({@code FILE_CREATE},
 *       {@code FILE_DELETE}, {@code FILE_RENAME}, {@code FILE_MODIFY}) and the transaction records.
 *       A group cut off by the end is not part of the log.</li>
 *   <li>Replay the file records (create, delete and rename files), open every tablespace the redo
 *       names, and restore torn pages from the doublewrite file.</li>
 *   <li><b>Deferred tablespaces</b> (seed 003): a file whose page 0 is zero-filled (created but never
 *       written, or copied in that state) is not an error. Its page 0 is rebuilt from the redo: from
 *       a {@code PAGE_INIT} of page 0 when the space was created after the checkpoint, else from the
 *       page-0 image the last {@code FILE_MODIFY} carries, installed before any batch is applied so
 *       that every batch (however the records are split) finds the page.</li>
 *   <li><b>Pass 2</b>: read the redo again, collecting page records into per-page lists; whenever
 *       they exceed the memory budget, apply the batch and continue. A record is applied to a page
 *       only if the page's LSN is older than the record's group; a page whose first record in the
 *       batch is {@code PAGE_INIT} is not read at all. Recovered pages are left dirty in the buffer
 *       pool, on the flush lists with the batch's start LSN as oldest modification.</li>
 * </ol>
 * Rolling back the transactions that never committed is not part of this: it needs the undo
 * pages recovered here and the dictionary, and the engine does it next ({@code trx.TrxSys}).
 *
 * <p>Progress: a line per pass and per batch, and every 10 % of a long scan, goes to the message
 * sink.
 *
 * <p>Concurrency: runs in the opening thread before the engine serves anyone.
 */
public final class Recovery {
    /** What recovery found and did. */
    public record Result(long checkpointLsn, long endLsn, ByteBuffer lastBlock, int groups, long pageRecords,
            int batches, int pagesApplied, int pagesRestored, List<Integer> deferredSpaces) {
        /** Whether the redo held anything past the checkpoint. */
        public boolean neededRecovery() {
            return groups > 0;
        }
    }

    private final LogFiles log;
    private final FileStore store;
    private final TablespaceRegistry spaces;
    private final BufferPool pool;
    private final Doublewrite doublewrite;
    private final long budget;
    private final Consumer<String> messages;
    private final int pageSize;

    // ---- pass 1 results -----------------------------------------------------------------------
    private final Map<Integer, String> spaceFiles = new TreeMap<>();
    private final Set<Integer> deletedSpaces = new HashSet<>();
    /** Spaces whose FILE_CREATE record is past the checkpoint. */
    private final Set<Integer> createdSpaces = new HashSet<>();
    /** FILE_RENAME records in LSN order: {from, to}. */
    private final List<String[]> renames = new ArrayList<>();
    private final Map<Integer, byte[]> pageZeroImages = new HashMap<>();
    private final List<Integer> deferred = new ArrayList<>();
    private int groups;
    /** Groups of pass 1 that held nothing but FILE_MODIFY records. */
    private int fileModifyOnly;

    public Recovery(LogFiles log, FileStore store, TablespaceRegistry spaces, BufferPool pool, Doublewrite doublewrite,
            long budgetBytes, Consumer<String> messages) {
        this.log = log;
        this.store = store;
        this.spaces = spaces;
        this.pool = pool;
        this.doublewrite = doublewrite;
        this.budget = Math.max(64 * 1024, budgetBytes);
        this.messages = messages;
        this.pageSize = pool.pageSize();
    }

    /** Runs recovery; the buffer pool holds the recovered pages afterwards. */
    public Result run() {
        LogFiles.Checkpoint cp = log.latestCheckpoint();
        long start = cp.lsn();
        if (!LogFormat.isDataLsn(start)) {
            throw new RedoLogCorruptException(start, "the checkpoint LSN is not a position in the redo stream");
        }
        long end = scanFileRecords(start);
        if (groups > 0) {
            messages.accept("FlushDB: recovery from checkpoint LSN " + start + " to LSN " + end + ": " + groups
                    + " mini-transactions, " + (end - start) + " bytes of redo");
        }
        replayFileRecords();
        int restored = restoreTornPages();
        installDeferredPageZeros(start);
        long[] stats = applyPageRecords(start, end);
        ByteBuffer lastBlock = ByteBuffer.allocate(LogFormat.BLOCK);
        log.read(LogFormat.blockStart(end), lastBlock);
        RedoReader.eraseStaleTail(log, start, end);
        if (groups > 0) {
            messages.accept("FlushDB: recovery applied " + stats[0] + " records to " + stats[2] + " pages in "
                    + stats[1] + " batch(es); " + restored + " page(s) restored from the doublewrite file");
        }
        return new Result(start, end, lastBlock, groups, stats[0], (int) stats[1], (int) stats[2], restored,
                List.copyOf(deferred));
    }

    // ---- pass 1 -------------------------------------------------------------------------------

    /** Reads the whole redo, keeping file records; returns the true end LSN. */
    private long scanFileRecords(long start) {
        RedoReader in = new RedoReader(log, start, Long.MAX_VALUE);
        byte[] group = new byte[4096];
        byte[] len = new byte[4];
        long end = start;
        long nextReport = start + Math.max(1, log.capacity() / 10);
        while (true) {
            long groupStart = in.lsn();
            if (!in.read(len, 0, 4)) {
                break;
            }
            int n = ByteBuffer.wrap(len).getInt();
            if (n <= 0 || n > log.capacity()) {
                break; // garbage past the last group of a partly filled block
            }
            if (group.length < n) {
                group = new byte[Math.max(n, group.length * 2)];
            }
            if (!in.read(group, 0, n)) {
                break;
            }
            int before = fileModifyOnly;
            if (!parseGroup(ByteBuffer.wrap(group, 0, n), groupStart, null)) {
                break; // a group that does not parse is not redo this log wrote
            }
            end = in.lsn();
            if (fileModifyOnly == before) {
                groups++; // a checkpoint's own FILE_MODIFY records are not work to recover
            }
            if (end >= nextReport) {
                messages.accept("FlushDB: recovery scanned redo to LSN " + end);
                nextReport = end + Math.max(1, log.capacity() / 10);
            }
        }
        return end;
    }

    /**
     * Parses one group. In pass 1 ({@code batch} null) keeps file and transaction records; in pass
     * 2 adds page records to {@code batch}. Returns false if the group is malformed.
     */
    private boolean parseGroup(ByteBuffer g, long groupStart, Batch batch) {
        long groupEnd = LogFormat.advance(groupStart, LogFormat.GROUP_HEADER + g.remaining());
        boolean onlyFileModify = true;
        try {
            while (g.hasRemaining()) {
                int recStart = g.position();
                RedoRecordType type = RedoRecordType.of(g.get());
                int space = RedoApplier.readVarint(g);
                onlyFileModify &= type == RedoRecordType.FILE_MODIFY;
                if (type.isPageRecord()) {
                    int pageNo = RedoApplier.readVarint(g);
                    RedoApplier.skipBody(type, g);
                    if (batch != null) {
                        batch.add(PageId.of(space, pageNo), type, g, recStart, g.position() - recStart, groupEnd);
                    }
                    continue;
                }
                int len = RedoApplier.readVarint(g);
                if (len < 0 || len > g.remaining()) {
                    return false;
                }
                byte[] payload = new byte[len];
                g.get(payload);
                if (batch == null) {
                    fileOrTransactionRecord(type, space, payload);
                }
            }
            if (batch == null && onlyFileModify) {
                fileModifyOnly++;
            }
            return true;
        } catch (RuntimeException malformed) {
            if (batch != null) {
                throw new RedoLogCorruptException(groupStart, "a mini-transaction that parsed before does not now: "
                        + malformed);
            }
            return false;
        }
    }

    private void fileOrTransactionRecord(RedoRecordType type, int space, byte[] p) {
        ByteBuffer b = ByteBuffer.wrap(p);
        switch (type) {
            case FILE_CREATE -> {
                spaceFiles.put(space, new String(p, StandardCharsets.UTF_8));
                deletedSpaces.remove(space);
                createdSpaces.add(space);
            }
            case FILE_DELETE -> {
                spaceFiles.put(space, new String(p, StandardCharsets.UTF_8));
                deletedSpaces.add(space);
            }
            case FILE_RENAME -> {
                int n = b.getShort() & 0xFFFF;
                String to = new String(p, 2 + n, p.length - 2 - n, StandardCharsets.UTF_8);
                spaceFiles.put(space, to);
                renames.add(new String[] {new String(p, 2, n, StandardCharsets.UTF_8), to});
            }
            case FILE_MODIFY -> {
                int n = b.getShort() & 0xFFFF;
                spaceFiles.put(space, new String(p, 2, n, StandardCharsets.UTF_8));
                pageZeroImages.put(space, Arrays.copyOfRange(p, 2 + n, p.length));
            }
            case LEGACY_TRX_UNDO, LEGACY_TRX_COMMIT, LEGACY_TRX_ROLLBACK -> throw new IllegalStateException(
                    "the redo log was written by a FlushDB version that kept undo in the redo log and was not "
                    + "shut down cleanly: open it with that version and close it (innodb_fast_shutdown=0 or 1) first");
            default -> throw new IllegalStateException("page record in the file record path: " + type);
        }
    }

    // ---- files --------------------------------------------------------------------------------

    /** Replays creates, deletes and renames, then opens every live space the redo names. */
    private void replayFileRecords() {
        for (String[] r : renames) {
            if (store.exists(r[0]) && !store.exists(r[1])) {
                store.rename(r[0], r[1]);
            }
        }
        for (Map.Entry<Integer, String> e : spaceFiles.entrySet()) {
            int space = e.getKey();
            String file = e.getValue();
            if (space == 0) {
                continue;
            }
            if (deletedSpaces.contains(space)) {
                if (store.exists(file)) {
                    store.delete(file);
                }
                continue;
            }
            boolean exists = store.exists(file);
            spaces.open(space, file, !exists);
            if (isPageZeroBlank(space)) {
                deferred.add(space);
                messages.accept("FlushDB: recovery: " + file + " (space " + space + ") has a zero-filled page 0; "
                        + "deferring it to be rebuilt from the redo log");
            }
        }
    }

    private boolean isPageZeroBlank(int space) {
        ByteBuffer p = ByteBuffer.allocate(pageSize);
        spaces.readPage(PageId.of(space, 0), p);
        return PageHeader.isAllZero(p, pageSize);
    }

    private int restoreTornPages() {
        if (doublewrite == null) {
            return 0;
        }
        Set<Integer> forced = new HashSet<>();
        int n = doublewrite.restore(spaces, id -> spaces.isOpen(id), forced::add);
        for (int space : forced) {
            spaces.get(space).file().force();
            messages.accept("FlushDB: recovery restored torn pages of space " + space + " from the doublewrite file");
        }
        return n;
    }

    /**
     * Gives each deferred space the page 0 the last FILE_MODIFY image describes, at that image's
     * LSN; records after it then apply as to any page. A deferred space without an image is rebuilt
     * by its PAGE_INIT (created after the checkpoint) or, lacking both, cannot be recovered.
     */
    private void installDeferredPageZeros(long checkpointLsn) {
        for (int space : deferred) {
            byte[] img = pageZeroImages.get(space);
            if (img == null) {
                continue; // must be created by a PAGE_INIT in pass 2; checked after it
            }
            BufferFrame f = pool.createPage(PageId.of(space, 0));
            try {
                f.page().put(0, img, 0, Math.min(img.length, pageSize));
                // On the flush list with the checkpoint as oldest modification: the batches that
                // follow add pages at their own, later, start LSNs (FL2).
                pool.noteRecovered(f, checkpointLsn, PageHeader.lsn(f.page()));
            } finally {
                pool.release(f, LatchMode.EXCLUSIVE);
            }
        }
    }

    // ---- pass 2 -------------------------------------------------------------------------------

    /** Page records of one batch: per page, the records in LSN order. */
    private final class Batch {
        final long startLsn;
        byte[] arena = new byte[64 * 1024];
        int used;
        final Map<Long, PageRecords> pages = new HashMap<>();
        long records;

        Batch(long startLsn) {
            this.startLsn = startLsn;
        }

        void add(long pageId, RedoRecordType type, ByteBuffer g, int from, int len, long lsn) {
            if (deletedSpaces.contains(PageId.spaceId(pageId))) {
                return;
            }
            if (used + len > arena.length) {
                arena = Arrays.copyOf(arena, Math.max(used + len, arena.length * 2));
            }
            g.get(from, arena, used, len);
            PageRecords pr = pages.computeIfAbsent(pageId, k -> new PageRecords(type == RedoRecordType.PAGE_INIT));
            pr.add(used, len, lsn);
            used += len;
            records++;
        }

        long memory() {
            return used + records * 16 + pages.size() * 64L;
        }
    }

    private static final class PageRecords {
        final boolean startsWithInit;
        int[] offsets = new int[4];
        int[] lengths = new int[4];
        long[] lsns = new long[4];
        int n;

        PageRecords(boolean startsWithInit) {
            this.startsWithInit = startsWithInit;
        }

        void add(int off, int len, long lsn) {
            if (n == offsets.length) {
                offsets = Arrays.copyOf(offsets, n * 2);
                lengths = Arrays.copyOf(lengths, n * 2);
                lsns = Arrays.copyOf(lsns, n * 2);
            }
            offsets[n] = off;
            lengths[n] = len;
            lsns[n] = lsn;
            n++;
        }
    }

    /** Pass 2; returns {records applied, batches, pages changed}. */
    private long[] applyPageRecords(long start, long end) {
        long[] stats = new long[3];
        if (start >= end) {
            return stats;
        }
        RedoReader in = new RedoReader(log, start, end);
        byte[] group = new byte[4096];
        byte[] len = new byte[4];
        Batch batch = new Batch(start);
        while (true) {
            long groupStart = in.lsn();
            if (groupStart >= end || !in.read(len, 0, 4)) {
                break;
            }
            int n = ByteBuffer.wrap(len).getInt();
            if (group.length < n) {
                group = new byte[Math.max(n, group.length * 2)];
            }
            if (!in.read(group, 0, n)) {
                throw new RedoLogCorruptException(groupStart, "the redo ended early on the second pass");
            }
            parseGroup(ByteBuffer.wrap(group, 0, n), groupStart, batch);
            if (batch.memory() > budget) {
                applyBatch(batch, stats, in.lsn(), end);
                batch = new Batch(in.lsn());
            }
        }
        applyBatch(batch, stats, end, end);
        List<Integer> unborn = new ArrayList<>();
        for (int space : deferred) {
            BufferFrame f = pool.getPage(PageId.of(space, 0), LatchMode.SHARED);
            try {
                if (PageHeader.isAllZero(f.page(), pageSize) && createdSpaces.contains(space)
                        && !pageZeroImages.containsKey(space)) {
                    // Created after the checkpoint, but the crash came before the mini-transaction
                    // that formats page 0 (the first one to touch the space) reached the log: no
                    // record refers to the space, so its creation is undone (the file deleted).
                    unborn.add(space);
                } else if (PageHeader.isAllZero(f.page(), pageSize)) {
                    throw new RedoLogCorruptException(end, "space " + space + " (" + spaceFiles.get(space)
                            + ") has a zero-filled page 0 and the redo log does not describe it");
                }
            } finally {
                pool.release(f, LatchMode.SHARED);
            }
        }
        for (int space : unborn) {
            String file = spaceFiles.get(space);
            messages.accept("FlushDB: recovery: " + file + " (space " + space + ") was created but never "
                    + "initialised before the crash; deleting it");
            pool.discardSpace(space);
            spaces.close(space);
            store.delete(file);
            deferred.remove(Integer.valueOf(space));
        }
        return stats;
    }

    private void applyBatch(Batch batch, long[] stats, long upTo, long end) {
        if (batch.pages.isEmpty()) {
            return;
        }
        stats[1]++;
        messages.accept("FlushDB: recovery batch " + stats[1] + ": " + batch.records + " records for "
                + batch.pages.size() + " pages up to LSN " + upTo + " (" + percent(batch.startLsn, upTo, end) + ")");
        Long[] ids = batch.pages.keySet().toArray(new Long[0]);
        Arrays.sort(ids);
        ByteBuffer arena = ByteBuffer.wrap(batch.arena, 0, batch.used);
        for (long id : ids) {
            PageRecords pr = batch.pages.get(id);
            int space = PageId.spaceId(id);
            int pageNo = PageId.pageNo(id);
            if (!spaces.isOpen(space)) {
                throw new RedoLogCorruptException(pr.lsns[0], "the redo changes space " + space
                        + " but names no file for it");
            }
            BufferFrame f = pr.startsWithInit ? pool.createPage(id) : pool.getPage(id, LatchMode.EXCLUSIVE);
            try {
                ByteBuffer page = f.page();
                long pageLsn = pr.startsWithInit ? 0 : PageHeader.lsn(page);
                long newest = 0;
                for (int i = 0; i < pr.n; i++) {
                    long lsn = pr.lsns[i];
                    if (lsn <= pageLsn) {
                        continue;
                    }
                    ByteBuffer r = arena.duplicate();
                    r.limit(pr.offsets[i] + pr.lengths[i]).position(pr.offsets[i]);
                    RedoRecordType type = RedoRecordType.of(r.get());
                    RedoApplier.readVarint(r);
                    RedoApplier.readVarint(r);
                    RedoApplier.applyBody(type, r, page, pageSize, space, pageNo);
                    page.putLong(PageHeader.OFFSET_LSN, lsn);
                    newest = lsn;
                    stats[0]++;
                }
                if (newest != 0) {
                    pool.noteRecovered(f, batch.startLsn, newest);
                    stats[2]++;
                }
            } finally {
                pool.release(f, LatchMode.EXCLUSIVE);
            }
        }
    }

    private static String percent(long start, long at, long end) {
        return end <= start ? "100%" : (100 * (at - start) / (end - start)) + "%";
    }
}
