package io.flushdb.sql.status;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.exec.ColumnMeta;
import io.flushdb.sql.exec.StatementResult;
import io.flushdb.sql.parse.SqlText;
import io.flushdb.sql.plan.functions.MySqlFunctions;
import io.flushdb.sql.session.Session;
import io.flushdb.sql.types.MySqlType;
import io.flushdb.storage.Engine;
import io.flushdb.storage.buffer.BufferPoolStats;
import io.flushdb.storage.dict.Collation;
import io.flushdb.storage.metrics.InnodbCounters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status variables: {@code SHOW [GLOBAL | SESSION] STATUS [LIKE 'pattern' | WHERE expr]}, and
 * the rows of {@code performance_schema.global_status} / {@code session_status} (and their
 * {@code information_schema} namesakes) through {@link #rows}.
 *
 * <p>Every value is read live when the statement runs. The server counters are those of
 * {@link ServerStatus} and the session's {@link SessionStatus}; the {@code Innodb_*} counters
 * come from the storage engine: the buffer pool's figures ({@code BufferPoolStats}), the row and
 * file I/O counters ({@code InnodbCounters}), the redo log and the engine's LSNs. In SESSION
 * scope (the default, as in MySQL) the per-session counters ({@code Com_xxx}, {@code Questions},
 * {@code Queries}, {@code Slow_queries}) are the session's own and every other value is the
 * global one. {@code docs/monitoring.md} lists each variable and its source.
 *
 * <p>Rows come in MySQL's order: names sorted case-insensitively, with InnoDB's variables as
 * one block at "Innodb", in the order of InnoDB's own status array ({@code innodb_status_variables}
 * in ha_innodb.cc), which is not quite alphabetical ({@code Innodb_buffer_pool_bytes_data} comes
 * before {@code Innodb_buffer_pool_pages_data}, which comes before
 * {@code Innodb_buffer_pool_bytes_dirty}). Values are text (MySQL's {@code Value} column is a
 * VARCHAR).
 */
public final class StatusVariables {
    /** The result's column names. */
    public static final List<String> COLUMNS = List.of("Variable_name", "Value");

    private static final Pattern SHOW_STATUS = Pattern.compile(
            "(?is)SHOW\\s+(?:(GLOBAL|SESSION|LOCAL)\\s+)?STATUS(?:\\s+(.*))?");
    private static final Pattern LIKE = Pattern.compile("(?is)LIKE\\s+('(?:[^'\\\\]|\\\\.|'')*'|\"(?:[^\"\\\\]|\\\\.|\"\")*\")");
    private static final Pattern WHERE = Pattern.compile("(?is)WHERE\\s+(.+)");
    private static final int CASE_INSENSITIVE = Collation.UTF8MB4_0900_AI_CI.id();

    private StatusVariables() {
    }

    /** Whether {@code sql} is a SHOW [GLOBAL|SESSION|LOCAL] STATUS statement. */
    public static boolean isShowStatus(List<String> leadingWords) {
        String w1 = leadingWords.size() > 1 ? leadingWords.get(1) : "";
        String w2 = leadingWords.size() > 2 ? leadingWords.get(2) : "";
        return leadingWords.get(0).equals("SHOW") && (w1.equals("STATUS")
                || (w1.equals("GLOBAL") || w1.equals("SESSION") || w1.equals("LOCAL")) && w2.equals("STATUS"));
    }

    /** Runs {@code SHOW [GLOBAL | SESSION | LOCAL] STATUS [LIKE 'pattern' | WHERE expr]}. */
    public static StatementResult show(Session session, String sql) {
        String text = SqlText.trim(sql);
        Matcher m = SHOW_STATUS.matcher(text);
        if (!m.matches()) {
            throw MySqlError.ER_PARSE_ERROR.raise(text, 1);
        }
        boolean global = m.group(1) != null && m.group(1).equalsIgnoreCase("GLOBAL");
        List<Object[]> rows = rows(session, global);
        String rest = m.group(2) == null ? "" : m.group(2).trim();
        if (!rest.isEmpty()) {
            Matcher like = LIKE.matcher(rest);
            Matcher where = WHERE.matcher(rest);
            if (like.matches()) {
                String pattern = literal(like.group(1));
                rows.removeIf(r -> !Boolean.TRUE.equals(
                        MySqlFunctions.like(r[0], pattern, "\\", CASE_INSENSITIVE)));
            } else if (where.matches()) {
                ShowWhere condition = ShowWhere.parse(where.group(1), COLUMNS);
                rows.removeIf(r -> !condition.test(r));
            } else {
                throw MySqlError.ER_PARSE_ERROR.raise(rest, 1);
            }
        }
        return StatementResult.rows(List.of(ColumnMeta.expression("Variable_name", MySqlType.VARCHAR, 64, 0, false),
                ColumnMeta.expression("Value", MySqlType.VARCHAR, 1024, 0, true)), rows, 0);
    }

    /** A quoted string literal's text: quotes doubled or backslash-escaped inside are one quote. */
    private static String literal(String quoted) {
        char q = quoted.charAt(0);
        String body = quoted.substring(1, quoted.length() - 1);
        return body.replace("" + q + q, "" + q).replace("\\" + q, "" + q);
    }

    /**
     * Every status variable as a row {name, value} (both Strings): GLOBAL values when
     * {@code global}, else SESSION values of {@code session} (its own counters, global values for
     * the rest). In MySQL's order (see the class comment); a new, mutable list.
     */
    public static List<Object[]> rows(Session session, boolean global) {
        ServerStatus server = session.engine().status();
        SessionStatus own = session.status();
        Engine e = session.engine().storage();
        BufferPoolStats t = e.bufferPool().totals();
        InnodbCounters c = e.counters();
        long pageSize = e.pageSize();
        long current = e.currentLsn();
        long checkpoint = e.lastCheckpointLsn();
        List<Object[]> rows = new ArrayList<>(48);
        for (Command cmd : Command.all()) {
            add(rows, cmd.statusName, global ? server.commands(cmd) : own.commands(cmd));
        }
        add(rows, "Connections", server.connections());
        add(rows, "Max_used_connections", server.maxUsedConnections());
        // FlushDB runs no stored programs, so Queries (which counts their statements too) equals Questions.
        add(rows, "Queries", global ? server.questions.sum() : own.questions());
        add(rows, "Questions", global ? server.questions.sum() : own.questions());
        add(rows, "Slow_queries", global ? server.slowQueries.sum() : own.slowQueries());
        add(rows, "Threads_connected", server.threadsConnected());
        add(rows, "Threads_running", server.threadsRunning());
        long uptime = server.uptimeSeconds();
        add(rows, "Uptime", uptime);
        add(rows, "Uptime_since_flush_status", uptime);
        rows.sort((a, b) -> String.CASE_INSENSITIVE_ORDER.compare((String) a[0], (String) b[0]));

        // InnoDB's block, in InnoDB's order (MariaDB's Innodb_checkpoint_age where MariaDB has it).
        List<Object[]> innodb = new ArrayList<>(48);
        add(innodb, "Innodb_buffer_pool_bytes_data", t.databasePages() * pageSize);
        add(innodb, "Innodb_buffer_pool_pages_data", t.databasePages());
        add(innodb, "Innodb_buffer_pool_bytes_dirty", t.modifiedPages() * pageSize);
        add(innodb, "Innodb_buffer_pool_pages_dirty", t.modifiedPages());
        add(innodb, "Innodb_buffer_pool_pages_flushed", t.pagesWritten());
        add(innodb, "Innodb_buffer_pool_pages_free", t.freeBuffers());
        add(innodb, "Innodb_buffer_pool_pages_misc", Math.max(0, t.poolSize() - t.freeBuffers() - t.databasePages()));
        add(innodb, "Innodb_buffer_pool_pages_total", t.poolSize());
        add(innodb, "Innodb_buffer_pool_read_requests", t.readRequests());
        add(innodb, "Innodb_buffer_pool_reads", t.pagesRead());
        add(innodb, "Innodb_buffer_pool_wait_free", t.waitFree());
        add(innodb, "Innodb_buffer_pool_write_requests", e.bufferPool().writeRequests());
        add(innodb, "Innodb_checkpoint_age", current - checkpoint);
        add(innodb, "Innodb_data_fsyncs", c.dataFsyncs.sum());
        add(innodb, "Innodb_data_pending_fsyncs", c.dataPendingFsyncs.sum());
        add(innodb, "Innodb_data_pending_reads", c.dataPendingReads.sum());
        add(innodb, "Innodb_data_pending_writes", c.dataPendingWrites.sum());
        add(innodb, "Innodb_data_read", c.dataBytesRead.sum());
        add(innodb, "Innodb_data_reads", c.dataReads.sum());
        add(innodb, "Innodb_data_writes", c.dataWrites.sum());
        add(innodb, "Innodb_data_written", c.dataBytesWritten.sum());
        io.flushdb.storage.buffer.Doublewrite dblwr = e.doublewrite();
        add(innodb, "Innodb_dblwr_pages_written", dblwr == null ? 0 : dblwr.pagesWritten());
        add(innodb, "Innodb_dblwr_writes", dblwr == null ? 0 : dblwr.writes());
        add(innodb, "Innodb_redo_log_checkpoint_lsn", checkpoint);
        add(innodb, "Innodb_redo_log_current_lsn", current);
        add(innodb, "Innodb_redo_log_flushed_to_disk_lsn", e.flushedToDiskLsn());
        add(innodb, "Innodb_log_waits", c.logWaits.sum());
        add(innodb, "Innodb_log_write_requests", e.redoLog().mtrCommits());
        add(innodb, "Innodb_log_writes", c.logWrites.sum());
        add(innodb, "Innodb_os_log_fsyncs", c.logFsyncs.sum());
        add(innodb, "Innodb_os_log_pending_fsyncs", c.logPendingFsyncs.sum());
        add(innodb, "Innodb_os_log_pending_writes", c.logPendingWrites.sum());
        add(innodb, "Innodb_os_log_written", c.logBytesWritten.sum());
        add(innodb, "Innodb_page_size", pageSize);
        add(innodb, "Innodb_pages_created", t.pagesCreated());
        add(innodb, "Innodb_pages_read", t.pagesRead());
        add(innodb, "Innodb_pages_written", t.pagesWritten());
        var locks = e.lockSys();
        long waits = locks.lockWaits();
        long waitedMs = locks.lockWaitTimeTotalMillis();
        add(innodb, "Innodb_row_lock_current_waits", locks.currentWaits());
        add(innodb, "Innodb_row_lock_time", waitedMs);
        add(innodb, "Innodb_row_lock_time_avg", waits == 0 ? 0 : waitedMs / waits);
        add(innodb, "Innodb_row_lock_time_max", locks.lockWaitTimeMaxMillis());
        add(innodb, "Innodb_row_lock_waits", waits);
        add(innodb, "Innodb_rows_deleted", c.rowsDeleted.sum());
        add(innodb, "Innodb_rows_inserted", c.rowsInserted.sum());
        add(innodb, "Innodb_rows_read", c.rowsRead.sum());
        add(innodb, "Innodb_rows_updated", c.rowsUpdated.sum());
        add(innodb, "Innodb_system_rows_deleted", c.systemRowsDeleted.sum());
        add(innodb, "Innodb_system_rows_inserted", c.systemRowsInserted.sum());
        add(innodb, "Innodb_system_rows_read", c.systemRowsRead.sum());
        add(innodb, "Innodb_system_rows_updated", c.systemRowsUpdated.sum());
        add(innodb, "Innodb_num_open_files", e.tablespaces().all().size());
        int at = 0;
        while (at < rows.size() && String.CASE_INSENSITIVE_ORDER.compare((String) rows.get(at)[0], "Innodb") < 0) {
            at++;
        }
        rows.addAll(at, innodb);
        return rows;
    }

    private static void add(List<Object[]> rows, String name, long value) {
        rows.add(new Object[] {name, Long.toString(value)});
    }
}
