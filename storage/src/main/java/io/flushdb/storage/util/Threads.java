package io.flushdb.storage.util;

/** Helpers for the engine's background threads. */
public final class Threads {
    private Threads() {
    }

    /**
     * Waits for {@code t} to end (unless it is the calling thread or never started), keeping an
     * interrupt that arrives meanwhile for the caller.
     */
    public static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (t.isAlive() && t != Thread.currentThread()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
