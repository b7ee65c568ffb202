package io.flushdb.storage.trx.lock;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The text of the LATEST DETECTED DEADLOCK section of SHOW ENGINE INNODB STATUS, in MySQL 8.0's
 * layout (the section's dashed header is the caller's):
 * <pre>
 * 2024-05-01 12:00:00 0x1f
 * *** (1) TRANSACTION:
 * TRANSACTION 1234, ACTIVE 3 sec ...           (the transaction's own description)
 *
 * *** (1) HOLDS THE LOCK(S):
 * RECORD LOCKS index `PRIMARY` of table `db`.`t` trx id 1234 lock_mode X locks rec but not gap
 * (the describer's key text)
 *
 * *** (1) WAITING FOR THIS LOCK TO BE GRANTED:
 * ...
 * *** (2) TRANSACTION:
 * ...
 * *** WE ROLL BACK TRANSACTION (2)
 * </pre>
 * The transactions are numbered along the cycle so that each waits for the next and the last (the
 * one whose request closed the cycle) for the first; "HOLDS THE LOCK(S)" shows the lock that blocks
 * the previous transaction. Record locks have no space or page here: they are named logically.
 *
 * <p>Threads: called with the {@link LockSys} mutex held, while the waiting requests still exist.
 */
final class DeadlockReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private DeadlockReport() {
    }

    /** The report of {@code cycle} whose {@code victim}-th transaction (cycle index) is rolled back. */
    static String of(DeadlockDetector.Cycle cycle, int victim, long millis, long threadId, LockDescriber d) {
        List<TrxLocks> trxs = cycle.trxs();
        int n = trxs.size();
        StringBuilder b = header(millis, threadId);
        int victimNumber = 0;
        for (int p = 0; p < n; p++) {
            int c = (p + 1) % n;
            TrxLocks t = trxs.get(c);
            if (c == victim) {
                victimNumber = p + 1;
            }
            title(b, p + 1, "TRANSACTION");
            description(b, t);
            title(b, p + 1, "HOLDS THE LOCK(S)");
            lock(b, cycle.blocking().get((c + n - 1) % n), d);
            title(b, p + 1, "WAITING FOR THIS LOCK TO BE GRANTED");
            lock(b, t.waitLock, d);
        }
        b.append("*** WE ROLL BACK TRANSACTION (").append(victimNumber).append(")\n");
        return b.toString();
    }

    /** The report of a search that gave up; {@code start} is rolled back. */
    static String tooDeep(TrxLocks start, long millis, long threadId, LockDescriber d) {
        StringBuilder b = header(millis, threadId);
        b.append("TOO DEEP OR LONG SEARCH IN THE LOCK TABLE WAITS-FOR GRAPH,")
                .append(" WE WILL ROLL BACK FOLLOWING TRANSACTION \n\n");
        b.append("*** TRANSACTION:\n");
        description(b, start);
        b.append("*** WAITING FOR THIS LOCK TO BE GRANTED:\n");
        lock(b, start.waitLock, d);
        return b.toString();
    }

    /** How InnoDB prints one lock: its header line and, for a record lock, the record. */
    static String lockText(Lock l, LockDescriber d) {
        StringBuilder b = new StringBuilder();
        if (l.queue.table) {
            b.append("TABLE LOCK table ").append(d.table(l.queue.id)).append(" trx id ").append(l.trx.trxId())
                    .append(" lock mode ").append(l.mode.name());
            if (l.waiting) {
                b.append(" waiting");
            }
            return b.append('\n').toString();
        }
        b.append("RECORD LOCKS index ").append(d.index(l.queue.id)).append(" trx id ").append(l.trx.trxId())
                .append(' ').append(RecordLockType.statusMode(l.mode, l.type));
        if (l.waiting) {
            b.append(" waiting");
        }
        b.append('\n').append(l.queue.supremum ? "supremum pseudo-record" : d.key(l.queue.id, l.queue.key));
        return b.append('\n').toString();
    }

    private static StringBuilder header(long millis, long threadId) {
        StringBuilder b = new StringBuilder(1024);
        b.append(TIME.format(Instant.ofEpochMilli(millis).atZone(ZoneId.systemDefault())))
                .append(" 0x").append(Long.toHexString(threadId)).append('\n');
        return b;
    }

    private static void title(StringBuilder b, int number, String what) {
        b.append("*** (").append(number).append(") ").append(what).append(":\n");
    }

    private static void description(StringBuilder b, TrxLocks t) {
        String text = t.description.get();
        b.append(text);
        if (!text.endsWith("\n")) {
            b.append('\n');
        }
        b.append('\n');
    }

    private static void lock(StringBuilder b, Lock l, LockDescriber d) {
        b.append(lockText(l, d)).append('\n');
    }
}
