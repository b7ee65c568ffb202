package io.flushdb.storage.page;

/**
 * A page read from a file failed its checks. Names the page so that the error reaching the user
 * says where the damage is; the engine keeps running and other pages stay readable.
 */
public final class CorruptPageException extends RuntimeException {
    private final int spaceId;
    private final int pageNo;

    public CorruptPageException(int spaceId, int pageNo, int storedChecksum, int computedChecksum, String what) {
        super("Corrupt page [space " + spaceId + ", page " + Integer.toUnsignedString(pageNo) + "]: " + what
                + String.format(" (stored checksum 0x%08x, computed 0x%08x)", storedChecksum, computedChecksum));
        this.spaceId = spaceId;
        this.pageNo = pageNo;
    }

    public CorruptPageException(int spaceId, int pageNo, String what) {
        super("Corrupt page [space " + spaceId + ", page " + Integer.toUnsignedString(pageNo) + "]: " + what);
        this.spaceId = spaceId;
        this.pageNo = pageNo;
    }

    public int spaceId() {
        return spaceId;
    }

    public int pageNo() {
        return pageNo;
    }
}
