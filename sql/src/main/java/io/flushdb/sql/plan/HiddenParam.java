package io.flushdb.sql.plan;

/**
 * A value of the session or the statement that a compiled (and cached, shared) plan reads at
 * execution time as an extra dynamic parameter after the user's: LAST_INSERT_ID(), DATABASE(),
 * NOW() and the like. The plan stays valid for every session; only the bound values differ.
 *
 * @param kind what to bind
 * @param name for SYSTEM_VARIABLE, the variable's key ({@code global.x} or {@code x}); for
 *             USER_VARIABLE, the user variable's name in lower case
 */
public record HiddenParam(Kind kind, String name) {
    /** What a hidden parameter carries. */
    public enum Kind {
        LAST_INSERT_ID,
        DATABASE,
        CONNECTION_ID,
        /** The statement's start time (NOW(), CURRENT_TIMESTAMP, SYSDATE()). */
        NOW,
        UTC_NOW,
        SYSTEM_VARIABLE,
        USER_VARIABLE
    }
}
