package io.flushdb.sql.vars;

import static io.flushdb.sql.vars.SystemVariable.bool;
import static io.flushdb.sql.vars.SystemVariable.decimal;
import static io.flushdb.sql.vars.SystemVariable.enumeration;
import static io.flushdb.sql.vars.SystemVariable.integer;
import static io.flushdb.sql.vars.SystemVariable.string;

import io.flushdb.sql.SqlEngine;
import io.flushdb.sql.ddl.CharsetNames;
import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.session.Session;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The registry of system variables: every variable FlushDB knows, with MySQL 8.0's names, types,
 * defaults, ranges and scopes, the engine action each change drives, and the text of the reference
 * page ({@code docs/variables.md}, generated from these definitions by {@link VariableDocs}).
 *
 * <p>Later parts of the engine (redo log, page cleaners) plug in here: a variable whose engine
 * part exists gets an {@code onGlobal} action; the others are stored and reported and say so in
 * their documentation.
 */
public final class SystemVariables {
    /** The version FlushDB reports: MySQL 8.0 compatibility, so tools pick their MySQL dialect. */
    public static final String VERSION = "8.0.36-FlushDB-0.1.0";
    /** MySQL 8.0's default sql_mode. */
    public static final String DEFAULT_SQL_MODE =
            "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";

    // ---- buffer pool -----------------------------------------------------------------------------

    public static final SystemVariable INNODB_BUFFER_POOL_SIZE = integer("innodb_buffer_pool_size", 134_217_728L,
            5L << 20, Long.MAX_VALUE).unit("bytes").readOnly()
            .configure((c, v) -> c.bufferPoolSize((Long) v))
            .computed(e -> e.storage().config().bufferPoolSize())
            .doc("Memory for cached pages, divided evenly among the buffer pool instances.",
                    "Larger keeps more of the data in memory (fewer reads) at the cost of heap-external memory "
                            + "reserved at open; smaller makes reads and foreground flushes more frequent.")
            .differs("Startup-only: MySQL 8.0 resizes the pool online.");
    public static final SystemVariable INNODB_BUFFER_POOL_INSTANCES = integer("innodb_buffer_pool_instances", 1, 1, 64)
            .readOnly()
            .configure((c, v) -> c.bufferPoolInstances((int) (long) (Long) v))
            .computed(e -> (long) e.storage().config().bufferPoolInstances())
            .doc("Number of buffer pool instances (each with its own mutex, free, LRU and flush lists). "
                    + "Default: 1 below a 1 GiB pool, else 8.",
                    "More instances spread mutex contention among threads; each instance is smaller, so its "
                            + "LRU is a coarser approximation of the pool's.");
    public static final SystemVariable INNODB_PAGE_SIZE = integer("innodb_page_size", 16384, 4096, 65536)
            .unit("bytes").readOnly()
            .check((v, x) -> {
                if (x != null && Long.bitCount((Long) x) != 1) {
                    throw MySqlError.ER_WRONG_VALUE_FOR_VAR.raise(v.name(), x);
                }
                return x;
            })
            .configure((c, v) -> c.pageSize((int) (long) (Long) v))
            .computed(e -> (long) e.storage().pageSize())
            .doc("Page size of a new data directory: 4k, 8k, 16k, 32k or 64k. An existing directory keeps the "
                    + "size it was created with.",
                    "Larger pages hold more rows per read and make fewer, bigger I/Os; smaller pages waste less "
                            + "of the buffer pool on point access and write less per dirty row.");
    public static final SystemVariable INNODB_OLD_BLOCKS_PCT = integer("innodb_old_blocks_pct", 37, 5, 95)
            .unit("%")
            .configure((c, v) -> c.oldBlocksPct((int) (long) (Long) v))
            .onGlobal((e, v) -> e.storage().bufferPool().setOldBlocksPct((int) (long) (Long) v))
            .doc("Share of each LRU list kept as the old sublist, where newly read pages enter (midpoint insertion).",
                    "Higher protects the young pages less from scans; lower evicts newly read pages sooner.");
    public static final SystemVariable INNODB_OLD_BLOCKS_TIME = integer("innodb_old_blocks_time", 1000, 0,
            4_294_967_295L).unit("ms")
            .configure((c, v) -> c.oldBlocksTimeMs((Long) v))
            .onGlobal((e, v) -> e.storage().bufferPool().setOldBlocksTimeMs((Long) v))
            .doc("How long a page must stay in the old sublist after its first access before another access "
                    + "makes it young.",
                    "Higher keeps one-off scans out of the young sublist; 0 makes every second access promote.");
    public static final SystemVariable INNODB_LRU_SCAN_DEPTH = integer("innodb_lru_scan_depth", 1024, 100,
            Integer.MAX_VALUE).both()
            .configure((c, v) -> c.lruScanDepth((int) (long) (Long) v))
            .onGlobal((e, v) -> e.storage().bufferPool().setLruScanDepth((int) (long) (Long) v))
            .doc("How far from the LRU tail a search for a free page looks for a clean page to evict before it "
                    + "flushes a dirty one itself. The SESSION value governs the searches this session's own "
                    + "statements make; the GLOBAL value is the default and (with the page cleaner) its target.",
                    "Deeper finds clean victims more often at the cost of a longer scan under the instance mutex; "
                            + "shallower makes foreground single-page flushes more likely.")
            .differs("GLOBAL and SESSION (MySQL: GLOBAL only); the session value governs that session's own "
                    + "free-page searches.");

    // ---- flushing --------------------------------------------------------------------------------

    public static final SystemVariable INNODB_PAGE_CLEANERS = integer("innodb_page_cleaners", 4, 1, 64)
            .configure((c, v) -> c.pageCleaners((int) (long) (Long) v))
            .computed(e -> (long) e.storage().pageCleaner().threads())
            .onGlobal((e, v) -> e.storage().pageCleaner().setThreads((int) (long) (Long) v))
            .doc("Number of page cleaner threads: a coordinator that runs the once-a-second flushing passes and "
                    + "workers that share each pass's buffer pool instances with it. Capped at "
                    + "innodb_buffer_pool_instances as in MySQL; the value read back is the number in effect.",
                    "More threads flush several instances at once (with several instances on fast storage); fewer "
                            + "use fewer threads and leave more of each pass to the coordinator. Lowered, surplus "
                            + "threads stop after the instance they are flushing; raised, the missing threads "
                            + "start at once.")
            .differs("Dynamic: SET GLOBAL resizes the running set of cleaner threads (MySQL 8.0: startup only).");
    public static final SystemVariable INNODB_IO_CAPACITY = integer("innodb_io_capacity", 200, 100, Long.MAX_VALUE)
            .unit("pages/s")
            .onGlobal((e, v) -> applyIoCapacity(e, (Long) v, null))
            .doc("Pages per second the page cleaner writes from the flush lists in an idle second (times "
                    + "innodb_idle_flush_pct), and the base of adaptive flushing: its dirty-page and redo-age "
                    + "percentages are percentages of it.",
                    "Higher flushes more in the background (more writes, younger checkpoints); lower leaves more "
                            + "to adaptive and sync flushing. Set above innodb_io_capacity_max, it raises the "
                            + "maximum to twice its value, with warnings, as MySQL does.");
    public static final SystemVariable INNODB_IO_CAPACITY_MAX = integer("innodb_io_capacity_max", 2000, 100,
            Long.MAX_VALUE).unit("pages/s")
            .onGlobal((e, v) -> applyIoCapacity(e, null, (Long) v))
            .doc("Most pages per second adaptive flushing writes from the flush lists when it falls behind; its "
                    + "ratio to innodb_io_capacity scales the redo-age percentage. When not set at startup it is "
                    + "twice innodb_io_capacity or 2000, whichever is larger, as in MySQL.",
                    "Higher lets flushing catch up faster with bursts of writes. Set below innodb_io_capacity, it "
                            + "lowers innodb_io_capacity to its value, with warnings.");
    public static final SystemVariable INNODB_MAX_DIRTY_PAGES_PCT = decimal("innodb_max_dirty_pages_pct", 90, 0,
            99.999).unit("%")
            .onGlobal((e, v) -> e.storage().pageCleaner().setMaxDirtyPagesPct((Double) v))
            .doc("Share of dirty pages in the buffer pool at which adaptive flushing asks for the whole "
                    + "innodb_io_capacity (buffer_flush_pct_for_dirty); between the low-water mark and it the "
                    + "share asked for grows with the dirty share.",
                    "Lower keeps fewer dirty pages (faster shutdown and recovery, more writes). Set below "
                            + "innodb_max_dirty_pages_pct_lwm, it lowers the mark too, with warnings.");
    public static final SystemVariable INNODB_MAX_DIRTY_PAGES_PCT_LWM = decimal("innodb_max_dirty_pages_pct_lwm", 10,
            0, 99.999).unit("%")
            .onGlobal((e, v) -> e.storage().pageCleaner().setMaxDirtyPagesPctLwm((Double) v))
            .doc("Share of dirty pages at which adaptive flushing starts writing for the dirty-page ratio (0: no "
                    + "low-water mark: nothing until innodb_max_dirty_pages_pct, then the whole io_capacity). "
                    + "Capped at innodb_max_dirty_pages_pct, with warnings.",
                    "Lower starts background flushing earlier.");
    public static final SystemVariable INNODB_ADAPTIVE_FLUSHING = bool("innodb_adaptive_flushing", true)
            .onGlobal((e, v) -> e.storage().pageCleaner().setAdaptiveFlushing((Boolean) v))
            .doc("Whether the redo age drives the flushing rate (buffer_flush_pct_for_lsn) before it reaches the "
                    + "async point (log_max_modified_age_async); from that point on it does whatever this says.",
                    "OFF makes flushing depend on the dirty-page share only until the redo age reaches the async "
                            + "point, where flushing then comes in bursts.");
    public static final SystemVariable INNODB_ADAPTIVE_FLUSHING_LWM = integer("innodb_adaptive_flushing_lwm", 10, 0,
            70).unit("% of redo capacity")
            .onGlobal((e, v) -> e.storage().pageCleaner().setAdaptiveFlushingLwm((Long) v))
            .doc("Checkpoint age, in percent of the redo capacity, below which the redo age asks for no flushing.",
                    "Lower starts adaptive flushing earlier.");
    public static final SystemVariable INNODB_FLUSHING_AVG_LOOPS = integer("innodb_flushing_avg_loops", 30, 1, 1000)
            .unit("iterations")
            .onGlobal((e, v) -> e.storage().pageCleaner().setFlushingAvgLoops((int) (long) (Long) v))
            .doc("Number of one-second page cleaner iterations over which the page flushing and redo generation "
                    + "rates adaptive flushing uses are averaged (buffer_flush_avg_page_rate, "
                    + "buffer_flush_lsn_avg_rate).",
                    "Higher reacts more slowly and smoothly to bursts.");
    public static final SystemVariable INNODB_FLUSH_NEIGHBORS = integer("innodb_flush_neighbors", 0, 0, 2)
            .onGlobal((e, v) -> e.storage().bufferPool().setFlushNeighbors((int) (long) (Long) v))
            .doc("0: flush only the page; 1: also dirty neighbours contiguous in the extent; 2: in the whole extent. "
                    + "Applies to the page cleaner's LRU and flush-list batches (buffer_flush_neighbor_total_pages "
                    + "counts the neighbours written).",
                    "Neighbour flushing helps rotating disks and costs extra writes on SSDs.");
    public static final SystemVariable INNODB_FLUSH_SYNC = bool("innodb_flush_sync", true)
            .onGlobal((e, v) -> e.storage().pageCleaner().setFlushSync((Boolean) v))
            .doc("Whether flushing may exceed innodb_io_capacity when the checkpoint age passes the sync point "
                    + "(log_max_modified_age_sync): ON, the checkpointer has the page cleaner write, at full "
                    + "speed, every page that keeps the age above the async point (log_max_modified_age_async); "
                    + "OFF, it waits for the cleaner's ordinary passes. innodb_log_checkpoint_now flushes at full "
                    + "speed either way.",
                    "OFF keeps the I/O budget and lets writers wait longer.");
    public static final SystemVariable INNODB_IDLE_FLUSH_PCT = integer("innodb_idle_flush_pct", 100, 0, 100).unit("%")
            .onGlobal((e, v) -> e.storage().pageCleaner().setIdleFlushPct((int) (long) (Long) v))
            .doc("Share of innodb_io_capacity the page cleaner writes from the flush lists in a second without "
                    + "redo generated (buffer_flush_background_total_pages).",
                    "Lower spares the device when idle, leaving more dirty pages; 0 writes nothing when idle.");

    // ---- redo log, checkpoints, durability -------------------------------------------------------

    public static final SystemVariable INNODB_REDO_LOG_CAPACITY = integer("innodb_redo_log_capacity", 104_857_600L,
            8_388_608L, 137_438_953_472L).unit("bytes").readOnly()
            .configure((c, v) -> c.redoLogCapacity((Long) v))
            .doc("Total size of the redo log ring (#innodb_redo/#ib_redo0 and #ib_redo1), fixed when the data "
                    + "directory is created.",
                    "Larger allows older checkpoints (less flushing pressure) and longer recovery. Open "
                            + "transactions do not hold the checkpoint back: their undo is in undo pages.")
            .differs("Startup-only and used when the data directory is created; a different value for an existing "
                    + "data directory is reported at open and the existing size kept (MySQL 8.0.30+ resizes it "
                    + "online).");
    public static final SystemVariable INNODB_LOG_FILE_SIZE = integer("innodb_log_file_size", 50_331_648L, 4_194_304L,
            Long.MAX_VALUE).unit("bytes").readOnly()
            .doc("Deprecated size of one redo file (MySQL 8.0.30+: use innodb_redo_log_capacity).",
                    "None: reported only; innodb_redo_log_capacity sizes the log.");
    public static final SystemVariable INNODB_LOG_BUFFER_SIZE = integer("innodb_log_buffer_size", 16_777_216L,
            262_144L, 4_294_967_295L).unit("bytes")
            .doc("Size of the in-memory log buffer redo records are copied into before they are written.",
                    "Larger lets big transactions commit without waiting for log writes (Innodb_log_waits). "
                            + "Read at open; capped at a quarter of the redo capacity, and at 1 MiB for mem: "
                            + "databases.")
            .configure((c, v) -> c.logBufferSize((Long) v));
    public static final SystemVariable INNODB_FLUSH_LOG_AT_TRX_COMMIT = integer("innodb_flush_log_at_trx_commit", 1,
            0, 2).both()
            .doc("Commit durability: 1 writes and fsyncs the redo at every commit; 2 writes at commit and fsyncs "
                    + "once per innodb_flush_log_at_timeout; 0 writes and fsyncs once per timeout. The SESSION "
                    + "value governs this session's commits.",
                    "0 and 2 make commits much cheaper and can lose up to a second of commits on a crash "
                            + "(2: only on an OS crash).")
            .differs("GLOBAL and SESSION (MySQL: GLOBAL only; Percona has a session value).");
    public static final SystemVariable INNODB_FLUSH_LOG_AT_TIMEOUT = integer("innodb_flush_log_at_timeout", 1, 1,
            2700).unit("s")
            .doc("Interval of the once-per-timeout redo write and fsync for innodb_flush_log_at_trx_commit 0 and 2.",
                    "Longer means fewer fsyncs and more commits at risk.")
            .configure((c, v) -> c.flushLogAtTimeoutSeconds((Long) v))
            .onGlobal((e, v) -> e.storage().logFlusher().setTimeoutSeconds((Long) v));
    public static final SystemVariable INNODB_LOG_CHECKPOINT_EVERY = integer("innodb_log_checkpoint_every", 1000, 1,
            86_400_000L).unit("ms")
            .onGlobal((e, v) -> e.storage().checkpointer().setPeriodMillis((Long) v))
            .doc("Period of the log checkpointer thread's checkpoints; a change wakes the running thread at once.",
                    "Shorter keeps the checkpoint nearer the current LSN (less redo to scan at recovery) at the "
                            + "cost of more checkpoint writes.")
            .differs("Documented and settable in every build (MySQL: a hidden experimental variable).");
    public static final SystemVariable INNODB_LOG_CHECKPOINT_NOW = bool("innodb_log_checkpoint_now", false)
            .onGlobal((e, v) -> {
                if ((Boolean) v) {
                    e.storage().checkpointNow();
                }
            })
            .doc("Setting it ON writes every page dirtied before the statement and makes a checkpoint at or past "
                    + "that LSN before the statement returns. Reads as OFF.",
                    "A full flush of the dirty pages: as long as writing them takes.")
            .differs("Available in every build (MySQL: debug builds; MariaDB: all builds).");
    public static final SystemVariable INNODB_FAST_SHUTDOWN = integer("innodb_fast_shutdown", 1, 0, 2)
            .doc("Shutdown kind: 0 and 1 write every dirty page (a sharp checkpoint); 2 only makes the redo durable.",
                    "2 closes fastest and leaves recovery to the next open.")
            .configure((c, v) -> c.fastShutdown((int) (long) (Long) v))
            .onGlobal((e, v) -> e.storage().setFastShutdown((int) (long) (Long) v))
            .differs("0 is the same as 1: there is no purge or change buffer to finish.");
    public static final SystemVariable INNODB_DOUBLEWRITE = enumeration("innodb_doublewrite", "ON", "ON", "OFF",
            "DETECT_AND_RECOVER", "DETECT_ONLY").readOnly()
            .doc("Whether pages are first written to the doublewrite file, so a torn page can be restored.",
                    "OFF halves page writes and leaves torn pages unrecoverable.")
            .configure((c, v) -> c.doublewrite(!"OFF".equals(v) && !"DETECT_ONLY".equals(v)))
            .differs("Startup-only; DETECT_ONLY is OFF and DETECT_AND_RECOVER is ON.");

    // ---- locking and checks ----------------------------------------------------------------------

    public static final SystemVariable INNODB_LOCK_WAIT_TIMEOUT = integer("innodb_lock_wait_timeout", 50, 1,
            1_073_741_824L).unit("s").both()
            .configure((c, v) -> c.lockWaitTimeoutSeconds((Long) v))
            .doc("How long a statement waits for a lock before it fails with error 1205.",
                    "Longer rides out long transactions; shorter fails fast and frees the waiting thread.");
    public static final SystemVariable INNODB_ROLLBACK_ON_TIMEOUT = bool("innodb_rollback_on_timeout", false)
            .readOnly()
            .doc("Whether a lock wait timeout (error 1205) rolls back the whole transaction rather than the "
                    + "statement alone.",
                    "ON releases the transaction's locks at once; OFF (the default) lets the application retry "
                    + "the statement and keep the transaction.");
    public static final SystemVariable LOCK_WAIT_TIMEOUT = integer("lock_wait_timeout", 31_536_000L, 1,
            31_536_000L).unit("s").both()
            .doc("How long a statement waits for a metadata lock before it fails with error 1205: DDL for "
                    + "the transactions using its table, and a read for DDL in progress.",
                    "A transaction that read a table holds it until it ends, so DDL waits for idle "
                    + "transactions; lower it to fail fast instead.");
    public static final SystemVariable INNODB_STRICT_MODE = bool("innodb_strict_mode", true).both()
            .doc("Whether questionable CREATE TABLE options are errors rather than warnings.",
                    "FlushDB refuses options it does not support in either mode.");

    // ---- monitor counters ------------------------------------------------------------------------

    public static final SystemVariable INNODB_MONITOR_ENABLE = string("innodb_monitor_enable", null).nullable()
            .onGlobal((e, v) -> {
                if (v != null) {
                    e.innodbMetrics().enable((String) v);
                }
            })
            .doc("Enables INNODB_METRICS counters: a counter name, a module (module_buffer, ...), a % pattern or all.",
                    "Enabled counters cost a little per event.");
    public static final SystemVariable INNODB_MONITOR_DISABLE = string("innodb_monitor_disable", null).nullable()
            .onGlobal((e, v) -> {
                if (v != null) {
                    e.innodbMetrics().disable((String) v);
                }
            })
            .doc("Disables INNODB_METRICS counters (same names as innodb_monitor_enable).", "None.");
    public static final SystemVariable INNODB_MONITOR_RESET = string("innodb_monitor_reset", null).nullable()
            .onGlobal((e, v) -> {
                if (v != null) {
                    e.innodbMetrics().reset((String) v);
                }
            })
            .doc("Resets the *_RESET figures of INNODB_METRICS counters.", "None.");
    public static final SystemVariable INNODB_MONITOR_RESET_ALL = string("innodb_monitor_reset_all", null).nullable()
            .onGlobal((e, v) -> {
                if (v != null) {
                    e.innodbMetrics().resetAll((String) v);
                }
            })
            .doc("Resets every figure of disabled INNODB_METRICS counters.", "None.");

    // ---- server ----------------------------------------------------------------------------------

    public static final SystemVariable VERSION_VAR = string("version", VERSION).readOnly().computed(e -> VERSION)
            .doc("The version FlushDB reports: MySQL 8.0's, so tools choose their MySQL dialect.", "");
    public static final SystemVariable VERSION_COMMENT = string("version_comment", "").readOnly()
            .computed(e -> "FlushDB embedded MySQL-compatible database").doc("What the server is.", "");
    public static final SystemVariable INNODB_VERSION = string("innodb_version", "").readOnly()
            .computed(e -> "8.0.36").doc("The InnoDB version FlushDB's storage engine follows.", "");
    public static final SystemVariable DATADIR = string("datadir", "").readOnly().computed(e -> e.location())
            .doc("Where the data lives: a directory, or mem:<name>.", "");
    public static final SystemVariable AUTOCOMMIT = bool("autocommit", true).both()
            .binding(SystemVariable.SessionBinding.of(s -> s.autoCommit(), (s, v) -> s.setAutoCommit((Boolean) v)))
            .doc("Whether each statement commits on its own. Turning it ON commits an open transaction.", "");
    public static final SystemVariable TRANSACTION_ISOLATION = enumeration("transaction_isolation", "REPEATABLE-READ",
            "READ-UNCOMMITTED", "READ-COMMITTED", "REPEATABLE-READ", "SERIALIZABLE").both()
            .binding(SystemVariable.SessionBinding.of(s -> isolationName(s.isolationLevel()),
                    (s, v) -> s.setIsolationLevel(isolationLevel((String) v))))
            .doc("Isolation level of the session's transactions.",
                    "FlushDB locks whole tables until row locks and MVCC arrive, so every level behaves serializably.");
    public static final SystemVariable TRANSACTION_READ_ONLY = bool("transaction_read_only", false).both()
            .binding(SystemVariable.SessionBinding.of(s -> s.readOnly(), (s, v) -> s.setReadOnly((Boolean) v)))
            .doc("Whether the session's transactions are read-only (writes fail with 1792).", "");
    public static final SystemVariable SQL_MODE = SystemVariable.set("sql_mode", DEFAULT_SQL_MODE,
            "REAL_AS_FLOAT", "PIPES_AS_CONCAT", "ANSI_QUOTES", "IGNORE_SPACE", "ONLY_FULL_GROUP_BY",
            "NO_UNSIGNED_SUBTRACTION", "NO_DIR_IN_CREATE", "ANSI", "NO_AUTO_VALUE_ON_ZERO", "NO_BACKSLASH_ESCAPES",
            "STRICT_TRANS_TABLES", "STRICT_ALL_TABLES", "NO_ZERO_IN_DATE", "NO_ZERO_DATE", "ALLOW_INVALID_DATES",
            "ERROR_FOR_DIVISION_BY_ZERO", "TRADITIONAL", "HIGH_NOT_PRECEDENCE", "NO_ENGINE_SUBSTITUTION",
            "PAD_CHAR_TO_FULL_LENGTH", "TIME_TRUNCATE_FRACTIONAL").both()
            .check((v, x) -> SqlModes.expand(v, (String) x))
            .doc("SQL modes. Accepted and reported with MySQL's combination modes (ANSI, TRADITIONAL) expanded.",
                    "FlushDB always behaves as MySQL 8.0's default modes; other modes are not yet applied.");
    public static final SystemVariable CHARACTER_SET_CLIENT = charset("character_set_client");
    public static final SystemVariable CHARACTER_SET_CONNECTION = charset("character_set_connection");
    public static final SystemVariable CHARACTER_SET_RESULTS = charset("character_set_results").nullable();
    public static final SystemVariable CHARACTER_SET_SERVER = charset("character_set_server");
    public static final SystemVariable CHARACTER_SET_DATABASE = charset("character_set_database");
    public static final SystemVariable CHARACTER_SET_SYSTEM = string("character_set_system", "utf8mb3").readOnly()
            .computed(e -> "utf8mb3").doc("Character set of identifiers.", "");
    public static final SystemVariable CHARACTER_SET_FILESYSTEM = charset("character_set_filesystem")
            .doc("Character set of file names; accepted and reported.", "");
    public static final SystemVariable COLLATION_CONNECTION = collation("collation_connection");
    public static final SystemVariable COLLATION_SERVER = collation("collation_server");
    public static final SystemVariable COLLATION_DATABASE = collation("collation_database");
    public static final SystemVariable TIME_ZONE = string("time_zone", "SYSTEM").both()
            .check((v, x) -> {
                zone((String) x);
                return x;
            })
            .doc("The session's time zone: SYSTEM, an offset such as +02:00, or a zone name. NOW() and "
                    + "CURRENT_TIMESTAMP read the clock in it.", "");
    public static final SystemVariable SYSTEM_TIME_ZONE = string("system_time_zone", "").readOnly()
            .computed(e -> java.util.TimeZone.getDefault().getID()).doc("The JVM's default time zone.", "");
    public static final SystemVariable MAX_ALLOWED_PACKET = integer("max_allowed_packet", 67_108_864L, 1024,
            1_073_741_824L).unit("bytes").both()
            .doc("Largest statement or value a client may send.", "Accepted and reported; FlushDB has no packets.");
    public static final SystemVariable GROUP_CONCAT_MAX_LEN = integer("group_concat_max_len", 1024, 4,
            4_294_967_295L).unit("bytes").both()
            .doc("Longest result of GROUP_CONCAT(); a longer one is cut with warning 1260. Up to 512 the result "
                    + "is a VARCHAR, above it a TEXT.", "The largest value is 4294967295 (MySQL's is 2^64-1).");
    public static final SystemVariable CTE_MAX_RECURSION_DEPTH = integer("cte_max_recursion_depth", 1000, 0,
            4_294_967_295L).both()
            .doc("Most iterations of a recursive common table expression; one more is error 3636.", "");
    public static final SystemVariable LOWER_CASE_TABLE_NAMES = integer("lower_case_table_names", 0, 0, 2).readOnly()
            .computed(e -> 0L).doc("Table names are stored as given and compared case-sensitively.", "");
    public static final SystemVariable AUTO_INCREMENT_INCREMENT = integer("auto_increment_increment", 1, 1, 65535)
            .both().doc("Step between AUTO_INCREMENT values.", "Accepted and reported; FlushDB steps by 1.");
    public static final SystemVariable AUTO_INCREMENT_OFFSET = integer("auto_increment_offset", 1, 1, 65535)
            .both().doc("Starting point of AUTO_INCREMENT values.", "Accepted and reported; FlushDB steps by 1.");
    public static final SystemVariable FOREIGN_KEY_CHECKS = bool("foreign_key_checks", true).both()
            .doc("Whether FOREIGN KEY constraints are checked: OFF skips the checks and the ON DELETE/ON UPDATE"
                    + " actions of row changes, and lets DDL reference missing tables or drop referenced ones.",
                    "As InnoDB: rows changed while it is OFF are not checked later.");
    public static final SystemVariable UNIQUE_CHECKS = bool("unique_checks", true).both()
            .doc("Whether InnoDB may skip uniqueness checks on secondary indexes during bulk loads.",
                    "FlushDB always checks.");
    public static final SystemVariable DEFAULT_STORAGE_ENGINE = enumeration("default_storage_engine", "InnoDB",
            "InnoDB").both().doc("Engine of new tables: InnoDB is the only one.", "");
    public static final SystemVariable WAIT_TIMEOUT = integer("wait_timeout", 28800, 1, 31_536_000L).unit("s").both()
            .doc("Idle time after which a server closes a connection.", "Accepted and reported; embedded "
                    + "connections are not closed for idleness.");
    public static final SystemVariable INTERACTIVE_TIMEOUT = integer("interactive_timeout", 28800, 1, 31_536_000L)
            .unit("s").both().doc("As wait_timeout, for interactive clients.", "Accepted and reported.");
    public static final SystemVariable NET_WRITE_TIMEOUT = integer("net_write_timeout", 60, 1, 31_536_000L).unit("s")
            .both().doc("Network write timeout.", "Accepted and reported; there is no network.");
    public static final SystemVariable NET_READ_TIMEOUT = integer("net_read_timeout", 30, 1, 31_536_000L).unit("s")
            .both().doc("Network read timeout.", "Accepted and reported; there is no network.");
    public static final SystemVariable INIT_CONNECT = string("init_connect", "")
            .doc("Statements run for each new connection.", "Accepted and reported; not run.");
    public static final SystemVariable PERFORMANCE_SCHEMA = bool("performance_schema", true).readOnly()
            .computed(e -> true).doc("Whether the performance_schema database is there. FlushDB's holds the tables"
                    + " data_locks and data_lock_waits only.", "");
    public static final SystemVariable LICENSE = string("license", "").readOnly().computed(e -> "Apache-2.0")
            .doc("FlushDB's license.", "");
    public static final SystemVariable LAST_INSERT_ID = integer("last_insert_id", 0, 0, Long.MAX_VALUE).sessionOnly()
            .binding(SystemVariable.SessionBinding.of(s -> s.lastInsertId(), (s, v) -> s.setLastInsertId((Long) v)))
            .doc("The value LAST_INSERT_ID() returns.", "");
    public static final SystemVariable WARNING_COUNT = integer("warning_count", 0, 0, Long.MAX_VALUE).sessionOnly()
            .readOnly()
            .binding(SystemVariable.SessionBinding.of(s -> (long) s.warningCount(), (s, v) -> {
                throw new UnsupportedOperationException("read only");
            }))
            .doc("Number of diagnostics the previous statement raised.", "");

    public static final SystemVariable INNODB_PURGE_RUN_NOW = bool("innodb_purge_run_now", false)
            .onGlobal((e, v) -> {
                if ((Boolean) v) {
                    e.storage().purge().purgeAll();
                }
            })
            .doc("Setting it ON runs purge until it finds nothing it may remove (every committed undo log no "
                    + "read view needs) before the statement returns. Reads as OFF.",
                    "As long as purging the history list takes; a read view kept open holds it back.")
            .differs("Available in every build (MySQL: debug builds only).");
    public static final SystemVariable INNODB_PURGE_BATCH_SIZE = integer("innodb_purge_batch_size", 300, 1, 5000)
            .onGlobal((e, v) -> e.storage().purge().setBatchSize((int) (long) (Long) v))
            .doc("Undo logs the purge thread processes in one pass before it looks at the read views again.",
                    "Larger purges faster under steady updates; smaller returns sooner to a changed purge view.")
            .differs("MySQL counts undo log pages; FlushDB counts undo logs (a transaction's log is usually one "
                    + "page).");

    /** Variables whose SET only triggers an action: they keep reading OFF. */
    public static boolean isTrigger(SystemVariable v) {
        return v == INNODB_LOG_CHECKPOINT_NOW || v == INNODB_PURGE_RUN_NOW;
    }

    private static final List<SystemVariable> ALL;
    private static final Map<String, SystemVariable> BY_NAME = new HashMap<>();

    static {
        List<SystemVariable> all = new ArrayList<>();
        for (java.lang.reflect.Field f : SystemVariables.class.getDeclaredFields()) {
            if (f.getType() == SystemVariable.class) {
                try {
                    all.add((SystemVariable) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        all.sort(Comparator.comparing(SystemVariable::name));
        ALL = Collections.unmodifiableList(all);
        for (SystemVariable v : all) {
            if (BY_NAME.put(v.name(), v) != null) {
                throw new IllegalStateException("system variable defined twice: " + v.name());
            }
        }
    }

    private SystemVariables() {
    }

    /** Every variable, sorted by name. */
    public static List<SystemVariable> all() {
        return ALL;
    }

    /** The variable named {@code name} (case-insensitive; dashes as underscores), or null. */
    public static SystemVariable find(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT).replace('-', '_'));
    }

    /** Whether {@code v} is one of the innodb_monitor_* controls of INNODB_METRICS. */
    static boolean isMonitorControl(SystemVariable v) {
        return v == INNODB_MONITOR_ENABLE || v == INNODB_MONITOR_DISABLE || v == INNODB_MONITOR_RESET
                || v == INNODB_MONITOR_RESET_ALL;
    }

    /** The variable named {@code name}; error 1193 if there is none. */
    public static SystemVariable get(String name) {
        SystemVariable v = find(name);
        if (v == null) {
            throw MySqlError.ER_UNKNOWN_SYSTEM_VARIABLE.raise(name);
        }
        return v;
    }

    private static SystemVariable charset(String name) {
        return string(name, "utf8mb4").both()
                .check((v, x) -> {
                    if (x != null) {
                        CharsetNames.defaultCollation((String) x); // 1115 for an unknown one
                        return ((String) x).toLowerCase(Locale.ROOT);
                    }
                    return null;
                })
                .doc("Character set name; text is always UTF-8 inside FlushDB and in Java strings, so it is "
                        + "accepted and reported.", "");
    }

    private static SystemVariable collation(String name) {
        return string(name, "utf8mb4_0900_ai_ci").both()
                .check((v, x) -> {
                    CharsetNames.collation((String) x); // 1273 for an unknown one
                    return ((String) x).toLowerCase(Locale.ROOT);
                })
                .doc("Collation name; accepted and reported (comparisons follow each column's collation).", "");
    }

    /**
     * Gives the page cleaner {@code innodb_io_capacity} and {@code innodb_io_capacity_max} as a
     * pair: the one being set ({@code capacity} or {@code capacityMax}; the other null) with the
     * other's GLOBAL value. {@link GlobalConstraints} keeps the GLOBAL pair ordered, but a SET stores
     * its changes one after the other, and the partner change a rule adds comes after the change
     * that caused it; until it is stored the other value here is moved to the new one, so the
     * cleaner is never given a capacity above its maximum, and once both are stored it has them.
     */
    private static void applyIoCapacity(SqlEngine e, Long capacity, Long capacityMax) {
        long cap = capacity != null ? capacity : (Long) e.globals().get(INNODB_IO_CAPACITY);
        long max = capacityMax != null ? capacityMax : (Long) e.globals().get(INNODB_IO_CAPACITY_MAX);
        if (capacity != null) {
            max = Math.max(max, cap);
        } else {
            cap = Math.min(cap, max);
        }
        e.storage().pageCleaner().setIoCapacity(cap, max);
    }

    /** MySQL's spelling of a JDBC isolation level. */
    public static String isolationName(int level) {
        return switch (level) {
            case java.sql.Connection.TRANSACTION_READ_UNCOMMITTED -> "READ-UNCOMMITTED";
            case java.sql.Connection.TRANSACTION_READ_COMMITTED -> "READ-COMMITTED";
            case java.sql.Connection.TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
            default -> "REPEATABLE-READ";
        };
    }

    static int isolationLevel(String name) {
        return switch (name) {
            case "READ-UNCOMMITTED" -> java.sql.Connection.TRANSACTION_READ_UNCOMMITTED;
            case "READ-COMMITTED" -> java.sql.Connection.TRANSACTION_READ_COMMITTED;
            case "SERIALIZABLE" -> java.sql.Connection.TRANSACTION_SERIALIZABLE;
            default -> java.sql.Connection.TRANSACTION_REPEATABLE_READ;
        };
    }

    /** The zone a time_zone value names; 1298 if it names none. */
    public static ZoneId zone(String value) {
        if (value == null) {
            throw MySqlError.ER_UNKNOWN_TIME_ZONE.raise("NULL");
        }
        if (value.equalsIgnoreCase("SYSTEM")) {
            return ZoneId.systemDefault();
        }
        if (value.matches("[+-]\\d{1,2}:\\d{2}")) {
            int sign = value.charAt(0) == '-' ? -1 : 1;
            String[] hm = value.substring(1).split(":");
            int minutes = sign * (Integer.parseInt(hm[0]) * 60 + Integer.parseInt(hm[1]));
            // MySQL's range: -13:59 .. +14:00.
            if (Integer.parseInt(hm[1]) < 60 && minutes >= -(13 * 60 + 59) && minutes <= 14 * 60) {
                return java.time.ZoneOffset.ofTotalSeconds(minutes * 60);
            }
            throw MySqlError.ER_UNKNOWN_TIME_ZONE.raise(value);
        }
        try {
            if (value.contains("/") || value.equals("UTC")) {
                return ZoneId.of(value);
            }
        } catch (DateTimeException e) {
            // fall through
        }
        throw MySqlError.ER_UNKNOWN_TIME_ZONE.raise(value);
    }
}
