package io.flushdb.storage.trx;

import java.util.Arrays;

/**
 * A consistent read's snapshot (InnoDB's ReadView): which transactions' changes it sees. A change
 * by transaction {@code t} is visible when {@code t} is the view's creator, or committed before
 * the view was opened: {@code t < upLimitId}, or {@code t < lowLimitId} and {@code t} was not
 * active then.
 *
 * <p>{@code lowLimitNo} bounds purge: a committed log whose transaction number is below it belongs
 * to a transaction every holder of this view sees, so the versions its undo records rebuild are
 * older than anything this view reads.
 *
 * <p>Concurrency: immutable once opened, except that the creator id is set when a read-only
 * transaction makes its first change (so that it sees its own changes); that happens on the
 * view owner's thread.
 */
public final class ReadView {
    private long creatorId;
    private final long lowLimitId;
    private final long upLimitId;
    private final long lowLimitNo;
    private final long[] ids;

    ReadView(long creatorId, long lowLimitId, long upLimitId, long lowLimitNo, long[] ids) {
        this.creatorId = creatorId;
        this.lowLimitId = lowLimitId;
        this.upLimitId = upLimitId;
        this.lowLimitNo = lowLimitNo;
        this.ids = ids;
    }

    /** Whether this view sees the changes of transaction {@code trxId} (0: written outside transactions). */
    public boolean sees(long trxId) {
        if (trxId < upLimitId || trxId == creatorId) {
            return true;
        }
        if (trxId >= lowLimitId) {
            return false;
        }
        return Arrays.binarySearch(ids, trxId) < 0;
    }

    /** Transactions numbered below this committed before the view opened (purge's bound). */
    public long lowLimitNo() {
        return lowLimitNo;
    }

    /** This view without a creator: purge's copy, which no transaction's first change can alter. */
    ReadView withoutCreator() {
        return new ReadView(0, lowLimitId, upLimitId, lowLimitNo, ids);
    }

    void setCreator(long id) {
        creatorId = id;
    }

    @Override
    public String toString() {
        return "ReadView[sees < " + upLimitId + ", not >= " + lowLimitId + ", active " + Arrays.toString(ids)
                + ", creator " + creatorId + "]";
    }
}
