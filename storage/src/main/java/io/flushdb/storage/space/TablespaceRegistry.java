package io.flushdb.storage.space;

import io.flushdb.storage.buffer.PageStore;
import io.flushdb.storage.io.FileStore;
import io.flushdb.storage.io.StorageIOException;
import io.flushdb.storage.page.PageId;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open tablespaces of an engine (InnoDB's fil_system): space id → file. It is the buffer
 * pool's {@link PageStore}: page reads and writes are positional I/O on the space's file.
 *
 * <p>Concurrency: a concurrent map; opening and closing spaces is serialised by the dictionary
 * latch held by DDL, and a space is closed only after its pages have left the buffer pool.
 */
public final class TablespaceRegistry implements PageStore {
    private final FileStore store;
    private final int pageSize;
    private final ConcurrentHashMap<Integer, Tablespace> spaces = new ConcurrentHashMap<>();

    public TablespaceRegistry(FileStore store, int pageSize) {
        this.store = store;
        this.pageSize = pageSize;
    }

    public int pageSize() {
        return pageSize;
    }

    public FileStore fileStore() {
        return store;
    }

    /**
     * Opens (or with {@code create}, creates) the file of space {@code spaceId}. A space already
     * open on the same file (opened by recovery) is returned as it is.
     */
    public Tablespace open(int spaceId, String fileName, boolean create) {
        Tablespace open = spaces.get(spaceId);
        if (open != null && open.fileName().equals(fileName) && !create) {
            return open;
        }
        Tablespace ts = new Tablespace(spaceId, fileName, store.open(fileName, create));
        Tablespace prev = spaces.putIfAbsent(spaceId, ts);
        if (prev != null) {
            ts.file().close();
            throw new IllegalStateException("space " + spaceId + " already open as " + prev.fileName());
        }
        return ts;
    }

    /** Closes a space's file (its pages must already be out of the buffer pool). */
    public void close(int spaceId) {
        Tablespace ts = spaces.remove(spaceId);
        if (ts != null) {
            ts.file().close();
        }
    }

    /**
     * Renames the file of open space {@code spaceId} to {@code newName}; the open file handle keeps
     * serving its pages, so cached pages are written to the renamed file.
     */
    public void rename(int spaceId, String newName) {
        Tablespace ts = get(spaceId);
        store.rename(ts.fileName(), newName);
        spaces.put(spaceId, new Tablespace(spaceId, newName, ts.file()));
    }

    /** The open space whose file is {@code fileName}, or -1. */
    public int spaceOfFile(String fileName) {
        for (Tablespace ts : spaces.values()) {
            if (ts.fileName().equals(fileName)) {
                return ts.spaceId();
            }
        }
        return -1;
    }

    public Tablespace get(int spaceId) {
        Tablespace ts = spaces.get(spaceId);
        if (ts == null) {
            throw new IllegalStateException("tablespace " + spaceId + " is not open");
        }
        return ts;
    }

    public boolean isOpen(int spaceId) {
        return spaces.containsKey(spaceId);
    }

    /** Forces one space's file; a space closed meanwhile is skipped. */
    public void force(int spaceId) {
        Tablespace ts = spaces.get(spaceId);
        if (ts == null) {
            return;
        }
        try {
            ts.file().force();
        } catch (RuntimeException e) {
            if (spaces.get(spaceId) == ts) {
                throw e;
            }
        }
    }

    public Collection<Tablespace> all() {
        return spaces.values();
    }

    @Override
    public void readPage(long pageId, ByteBuffer dst) {
        Tablespace ts = get(PageId.spaceId(pageId));
        dst.clear();
        ts.file().read((PageId.pageNo(pageId) & 0xFFFFFFFFL) * pageSize, dst);
        dst.clear();
    }

    @Override
    public void writePage(long pageId, ByteBuffer src) {
        Tablespace ts = get(PageId.spaceId(pageId));
        src.clear();
        ts.file().write((PageId.pageNo(pageId) & 0xFFFFFFFFL) * pageSize, src);
        src.clear();
    }

    /**
     * Forces every open space's file. A space closed meanwhile (DROP or TRUNCATE of its table,
     * concurrently with a checkpoint) is skipped: its pages no longer matter. Any other failure
     * propagates.
     */
    public void forceAll() {
        for (Tablespace ts : spaces.values()) {
            try {
                ts.file().force();
            } catch (RuntimeException e) {
                if (spaces.get(ts.spaceId()) == ts) {
                    throw e;
                }
            }
        }
    }

    public void closeAll() {
        StorageIOException first = null;
        for (Integer id : spaces.keySet()) {
            try {
                close(id);
            } catch (StorageIOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
