package io.flushdb.storage.recovery;

import io.flushdb.storage.btree.IndexPage;
import io.flushdb.storage.log.RedoRecordType;
import io.flushdb.storage.mtr.MiniTransaction;
import io.flushdb.storage.page.PageHeader;
import io.flushdb.storage.page.PageId;
import java.nio.ByteBuffer;

/**
 * Applies a mini-transaction's redo records to page images: the inverse of what
 * {@link MiniTransaction} logs (MTR2). Recovery uses it with the rule "apply a record only to a page
 * whose LSN is older than the record's mini-transaction"; tests use it to show that replaying a
 * workload's records onto the pages' earlier images reproduces the pages.
 */
public final class RedoApplier {
    /** Supplies the image of a page to change (creating it if needed). */
    @FunctionalInterface
    public interface Pages {
        ByteBuffer page(long pageId);
    }

    private RedoApplier() {
    }

    /**
     * Applies the records of one mini-transaction, {@code records} (position to limit), that
     * committed with end LSN {@code endLsn}, stamping every page it touches with that LSN.
     */
    public static void apply(ByteBuffer records, long endLsn, int pageSize, Pages pages) {
        ByteBuffer r = records.duplicate();
        while (r.hasRemaining()) {
            RedoRecordType type = RedoRecordType.of(r.get());
            int space = readVarint(r);
            if (!type.isPageRecord()) {
                int len = readVarint(r);
                r.position(r.position() + len);
                continue;
            }
            int pageNo = readVarint(r);
            ByteBuffer p = pages.page(PageId.of(space, pageNo));
            applyBody(type, r, p, pageSize, space, pageNo);
            p.putLong(PageHeader.OFFSET_LSN, endLsn);
        }
    }

    /**
     * Applies the body of one page record of {@code type} (the type byte, space and page number
     * already read from {@code r}) to {@code p}, leaving {@code r} after the record. Does not stamp
     * the page LSN.
     */
    public static void applyBody(RedoRecordType type, ByteBuffer r, ByteBuffer p, int pageSize, int space, int pageNo) {
        switch (type) {
            case PAGE_INIT -> MiniTransaction.applyPageInit(p, pageSize, space, pageNo, r.getShort());
            case WRITE -> {
                int off = u16(r);
                int len = u16(r);
                p.put(off, r, r.position(), len);
                r.position(r.position() + len);
            }
            case MOVE -> MiniTransaction.applyMove(p, u16(r), u16(r), u16(r));
            case FILL -> MiniTransaction.applyFill(p, u16(r), u16(r), r.get());
            case INDEX_INSERT -> {
                int slot = u16(r);
                int len = u16(r);
                IndexPage.applyInsert(p, slot, r, r.position(), len);
                r.position(r.position() + len);
            }
            case INDEX_DELETE -> IndexPage.applyDelete(p, u16(r));
            case INDEX_DELETE_RANGE -> IndexPage.applyDeleteRange(p, u16(r), u16(r));
            case INDEX_REORGANIZE -> IndexPage.applyReorganize(p, pageSize);
            default -> throw new IllegalArgumentException("not a page record: " + type);
        }
    }

    /** Skips the body of a page record of {@code type} (after its page number) without applying it. */
    public static void skipBody(RedoRecordType type, ByteBuffer r) {
        switch (type) {
            case PAGE_INIT -> r.position(r.position() + 2);
            case WRITE, INDEX_INSERT -> {
                r.position(r.position() + 2);
                int len = u16(r);
                r.position(r.position() + len);
            }
            case MOVE -> r.position(r.position() + 6);
            case FILL -> r.position(r.position() + 5);
            case INDEX_DELETE -> r.position(r.position() + 2);
            case INDEX_DELETE_RANGE -> r.position(r.position() + 4);
            case INDEX_REORGANIZE -> { }
            default -> throw new IllegalArgumentException("not a page record: " + type);
        }
    }

    private static int u16(ByteBuffer r) {
        return r.getShort() & 0xFFFF;
    }

    public static int readVarint(ByteBuffer r) {
        int v = 0;
        int shift = 0;
        while (true) {
            int b = r.get() & 0xFF;
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
            shift += 7;
        }
    }
}
