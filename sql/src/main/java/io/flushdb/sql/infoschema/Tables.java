package io.flushdb.sql.infoschema;

import io.flushdb.storage.btree.BTreeChecker;
import io.flushdb.storage.btree.BTreeCursor;
import io.flushdb.storage.buffer.BufferFrame;
import io.flushdb.storage.buffer.BufferPool;
import io.flushdb.storage.buffer.LatchMode;
import io.flushdb.storage.dict.DatabaseDef;
import io.flushdb.storage.dict.TableDef;
import io.flushdb.storage.dict.TableEntry;
import io.flushdb.storage.page.PageId;
import io.flushdb.storage.row.TableStore;
import io.flushdb.storage.space.PageAllocator;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code information_schema.TABLES}: one row per table, information_schema's own tables
 * included (as SYSTEM VIEW, with NULL engine and sizes, as MySQL shows its system views).
 *
 * <p>For a stored table the size columns are measured when the statement reads one of them, not
 * estimated from statistics as InnoDB does (FlushDB keeps none), and never cached (MySQL caches
 * them for {@code information_schema_stats_expiry}, a day by default):
 * <ul>
 *   <li>TABLE_ROWS: the rows in the clustered index now, counted, uncommitted ones of other
 *       transactions included (InnoDB gives a sampled estimate);</li>
 *   <li>DATA_LENGTH: pages of the clustered index and of the values stored off-page, times the
 *       page size; INDEX_LENGTH: pages of the secondary indexes times the page size;
 *       DATA_FREE: pages on the tablespace's free list times the page size;</li>
 *   <li>AVG_ROW_LENGTH: DATA_LENGTH / TABLE_ROWS (0 for an empty table), as InnoDB computes it.</li>
 * </ul>
 * Measuring walks every page of the table's indexes (under each index's shared latch, so writers
 * of that table wait meanwhile); select only the other columns to avoid it. A table dropped while
 * it is measured reports NULL sizes. UPDATE_TIME and CHECK_TIME are NULL (not tracked), CHECKSUM
 * is NULL, AUTO_INCREMENT is the next value the table would give (NULL without an AUTO_INCREMENT
 * column).
 */
final class Tables {
    static final InfoSchemaTable TABLE = InfoSchemaTable.named("TABLES")
            .name("TABLE_CATALOG").notNull()
            .name("TABLE_SCHEMA").notNull()
            .name("TABLE_NAME").notNull()
            .enumeration("TABLE_TYPE", "BASE TABLE", "VIEW", "SYSTEM VIEW").notNull()
            .varchar("ENGINE", 64)
            .integer("VERSION")
            .enumeration("ROW_FORMAT", "Fixed", "Dynamic", "Compressed", "Redundant", "Compact", "Paged")
            .bigintUnsigned("TABLE_ROWS")
            .bigintUnsigned("AVG_ROW_LENGTH")
            .bigintUnsigned("DATA_LENGTH")
            .bigintUnsigned("MAX_DATA_LENGTH")
            .bigintUnsigned("INDEX_LENGTH")
            .bigintUnsigned("DATA_FREE")
            .bigintUnsigned("AUTO_INCREMENT")
            .timestamp("CREATE_TIME").notNull()
            .datetime("UPDATE_TIME")
            .datetime("CHECK_TIME")
            .varchar("TABLE_COLLATION", 64)
            .bigint("CHECKSUM")
            .varchar("CREATE_OPTIONS", 256)
            .text("TABLE_COMMENT")
            .rows(Tables::rows);

    /** The .frm version MySQL 5.7 last used, which MySQL 8.0 reports for every table. */
    private static final long VERSION = 10;

    private static final int TABLE_ROWS = TABLE.columnIndex("TABLE_ROWS");
    private static final int DATA_FREE = TABLE.columnIndex("DATA_FREE");

    private Tables() {
    }

    private static List<Object[]> rows(InfoSchemaContext ctx) {
        List<Object[]> out = new ArrayList<>();
        LocalDateTime created = local(InformationSchema.CREATED, ctx.zone());
        for (SystemDatabase system : SystemDatabase.all()) {
            for (InfoSchemaTable view : system.tables()) {
                out.add(new Object[] {Schemata.CATALOG, system.name(), view.name(), system.tableType(), system.engine(),
                    VERSION, null, null, null, null, null, null, null, null, created, null, null, null, null, "", ""});
            }
        }
        boolean measure = false;
        for (int c = TABLE_ROWS; c <= DATA_FREE; c++) {
            measure |= ctx.reads(c);
        }
        BufferPool pool = ctx.engine().storage().bufferPool();
        for (DatabaseDef db : ctx.dictionary().databases()) {
            for (TableEntry e : ctx.dictionary().tables(db.name())) {
                TableDef def = e.def();
                Sizes s = measure ? Sizes.of(e, pool) : Sizes.UNKNOWN;
                Long autoIncrement = def.autoIncrementColumn() >= 0 ? e.store().autoIncrementValue() : null;
                out.add(new Object[] {Schemata.CATALOG, def.database(), def.name(), "BASE TABLE", "InnoDB", VERSION,
                    "Dynamic", s.rows, s.avgRowLength(), s.dataLength, 0L, s.indexLength, s.dataFree, autoIncrement,
                    local(Instant.ofEpochMilli(def.createTimeMillis()), ctx.zone()), null, null,
                    def.defaultCollation().mysqlName(), null, "", def.comment()});
            }
            for (io.flushdb.storage.dict.ViewDef v : ctx.dictionary().views(db.name())) {
                // As MySQL 8.0 shows a view: no engine, sizes or collation; the comment says VIEW.
                out.add(new Object[] {Schemata.CATALOG, v.database(), v.name(), "VIEW", null, null, null, null, null,
                    null, null, null, null, null, created, null, null, null, null, null, "VIEW"});
            }
        }
        return out;
    }

    private static LocalDateTime local(Instant at, ZoneId zone) {
        return LocalDateTime.ofInstant(at, zone).withNano(0);
    }

    /** A table's measured sizes (null where unknown). */
    private record Sizes(Long rows, Long dataLength, Long indexLength, Long dataFree) {
        static final Sizes UNKNOWN = new Sizes(null, null, null, null);

        Long avgRowLength() {
            if (rows == null || dataLength == null) {
                return null;
            }
            return rows == 0 ? 0 : dataLength / rows;
        }

        static Sizes of(TableEntry e, BufferPool pool) {
            try {
                TableStore store = e.store();
                long rows = 0;
                BTreeCursor c = store.scan();
                c.seekFirst();
                while (c.next()) {
                    rows++;
                }
                long clusteredPages = BTreeChecker.check(store.clusteredIndex()).totalPages();
                long secondaryPages = 0;
                for (int i = 0; i < store.secondaryCount(); i++) {
                    secondaryPages += BTreeChecker.check(store.secondaryIndex(i)).totalPages();
                }
                long size;
                long free;
                BufferFrame header = pool.getPage(PageId.of(e.def().spaceId(), 0), LatchMode.SHARED);
                try {
                    size = PageAllocator.size(header);
                    free = PageAllocator.freeCount(header);
                } finally {
                    pool.release(header, LatchMode.SHARED);
                }
                // Pages in use other than page 0 and the secondary indexes': the clustered index
                // and the pages of values stored off-page, which InnoDB also counts as data.
                long dataPages = Math.max(clusteredPages, size - 1 - free - secondaryPages);
                long pageSize = pool.pageSize();
                return new Sizes(rows, dataPages * pageSize, secondaryPages * pageSize, free * pageSize);
            } catch (RuntimeException dropped) {
                // The table was dropped or truncated while it was measured.
                return UNKNOWN;
            }
        }
    }
}
