package io.flushdb.storage.dict;

import io.flushdb.storage.page.PageHeader;

/**
 * Page 1 of the system tablespace: the roots of the dictionary tables and the data directory's
 * global counters (format in {@code docs/format/page.md}).
 *
 * <pre>
 * body offset  size  field
 *           0     4  magic "FDBD"
 *           4     4  format version (1)
 *           8     4  page size of the data directory
 *          12     4  next tablespace id
 *          16     8  next table id
 *          24     8  next index id
 *          32     4  root page of SYS_SCHEMATA
 *          36     4  root page of SYS_TABLES
 *          40     8  LSN at the last clean shutdown
 *          48     4  1 if the last shutdown was clean
 *          52     4  page number of the rollback segment header (0: not created yet)
 *          56     8  transaction id bound: every id handed out is below it
 * </pre>
 */
public final class SystemPage {
    public static final int PAGE_NO = 1;
    public static final int MAGIC = 0x46444244; // "FDBD"
    public static final int FORMAT_VERSION = 1;

    public static final int OFFSET_MAGIC = PageHeader.BODY;
    public static final int OFFSET_VERSION = PageHeader.BODY + 4;
    public static final int OFFSET_PAGE_SIZE = PageHeader.BODY + 8;
    public static final int OFFSET_NEXT_SPACE_ID = PageHeader.BODY + 12;
    public static final int OFFSET_NEXT_TABLE_ID = PageHeader.BODY + 16;
    public static final int OFFSET_NEXT_INDEX_ID = PageHeader.BODY + 24;
    public static final int OFFSET_SCHEMATA_ROOT = PageHeader.BODY + 32;
    public static final int OFFSET_TABLES_ROOT = PageHeader.BODY + 36;
    public static final int OFFSET_SHUTDOWN_LSN = PageHeader.BODY + 40;
    public static final int OFFSET_CLEAN_SHUTDOWN = PageHeader.BODY + 48;
    public static final int OFFSET_RSEG_PAGE = PageHeader.BODY + 52;
    public static final int OFFSET_TRX_ID_BOUND = PageHeader.BODY + 56;

    private SystemPage() {
    }
}
