package io.flushdb.storage.latch;

import java.util.ArrayDeque;

/**
 * A per-thread record of the latch levels held, used only from {@code assert} statements so that it
 * costs nothing in production. {@link #acquiring} fails on an acquisition that breaks
 * {@link LatchLevel}'s order.
 */
public final class LatchOrderChecker {
    private static final ThreadLocal<ArrayDeque<LatchLevel>> HELD = ThreadLocal.withInitial(ArrayDeque::new);

    private LatchOrderChecker() {
    }

    /** Checks that {@code level} may be acquired now and records it. Always returns true. */
    public static boolean acquiring(LatchLevel level, String what) {
        ArrayDeque<LatchLevel> held = HELD.get();
        for (LatchLevel h : held) {
            if (h.compareTo(level) > 0 || (h == level && !level.allowsSameLevel())) {
                throw new AssertionError("latch order violation: acquiring " + level + " (" + what
                        + ") while holding " + held);
            }
        }
        held.push(level);
        return true;
    }

    /** Records the release of a latch at {@code level}. Always returns true. */
    public static boolean released(LatchLevel level) {
        ArrayDeque<LatchLevel> held = HELD.get();
        if (!held.removeFirstOccurrence(level)) {
            throw new AssertionError("released " + level + " which this thread does not hold: " + held);
        }
        return true;
    }

    /** Whether this thread holds a latch at {@code level} (for assertions). */
    public static boolean holds(LatchLevel level) {
        return HELD.get().contains(level);
    }

    /** Whether this thread holds no latch at all (for assertions at statement boundaries). */
    public static boolean holdsNone() {
        return HELD.get().isEmpty();
    }
}
