package io.flushdb.storage.util;

/**
 * The engine's source of time. Production uses {@link #SYSTEM}; tests inject a manual clock and
 * advance it instead of sleeping (STYLE §2.6).
 */
public interface Clock {
    /** Milliseconds since the epoch. */
    long millis();

    /** A monotonic nanosecond reading for measuring intervals. */
    long nanoTime();

    Clock SYSTEM = new Clock() {
        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }
    };
}
