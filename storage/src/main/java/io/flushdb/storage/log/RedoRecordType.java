package io.flushdb.storage.log;

/**
 * Kinds of redo records a mini-transaction writes (format in {@code docs/format/redo-record.md}).
 * Every record starts with its type byte, the space id and page number as unsigned varints; the
 * rest is per kind. Page records are applied at recovery only to a page whose LSN is older than
 * the record's mini-transaction, so records need not be idempotent.
 */
public enum RedoRecordType {
    /** The page is zero-filled and given its header: {@code u16 page type}. */
    PAGE_INIT(1),
    /** Bytes written at an offset: {@code u16 offset, u16 length, bytes}. */
    WRITE(2),
    /** A memmove inside the page: {@code u16 from, u16 to, u16 length}. */
    MOVE(3),
    /** A record inserted into an index page at a slot: {@code u16 slot, u16 length, bytes}. */
    INDEX_INSERT(4),
    /** The record at a slot removed from an index page: {@code u16 slot}. */
    INDEX_DELETE(5),
    /** Records [from, to) removed from an index page: {@code u16 from, u16 to}. */
    INDEX_DELETE_RANGE(6),
    /** An index page compacted: no payload; the same deterministic reorganisation is re-run. */
    INDEX_REORGANIZE(7),
    /** A range of bytes set to one value: {@code u16 offset, u16 length, u8 value}. */
    FILL(8),

    // Records that change no page: type, space id, then a varint payload length and the payload.

    /** A tablespace file was created: payload the file name (UTF-8). Logged durably before creation. */
    FILE_CREATE(9),
    /** A tablespace file is deleted: payload the file name. Logged durably before deletion. */
    FILE_DELETE(10),
    /** A tablespace file is renamed: payload {@code u16 length, old name, new name}. */
    FILE_RENAME(11),
    /**
     * A tablespace in use after a checkpoint (written by every checkpoint for every open space):
     * payload {@code u16 name length, name, then the first bytes of page 0} (its FIL header and
     * space header, page LSN included). Names the file for recovery, and lets recovery rebuild a
     * page 0 found zero-filled (a deferred tablespace, seed 003).
     */
    FILE_MODIFY(12),
    /**
     * Codes 13 to 15: the transaction records of the versions before undo pages (an undo image,
     * a commit, a rollback), never written now. Recovery refuses a log that holds one: the
     * transactions it describes can only be rolled back by the version that wrote it.
     */
    LEGACY_TRX_UNDO(13),
    LEGACY_TRX_COMMIT(14),
    LEGACY_TRX_ROLLBACK(15);

    public final byte code;

    RedoRecordType(int code) {
        this.code = (byte) code;
    }

    private static final RedoRecordType[] BY_CODE = new RedoRecordType[32];

    static {
        for (RedoRecordType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    /** Whether records of this type change a page (else: type, space, payload length, payload). */
    public boolean isPageRecord() {
        return code <= FILL.code;
    }

    public static RedoRecordType of(int code) {
        RedoRecordType t = code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (t == null) {
            throw new IllegalArgumentException("unknown redo record type " + code);
        }
        return t;
    }
}
