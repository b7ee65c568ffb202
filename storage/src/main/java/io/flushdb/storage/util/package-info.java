/**
 * Small helpers shared by the engine's packages: today only the injected
 * {@link io.flushdb.storage.util.Clock}.
 *
 * <p>Owns: no state. Never touches: files, pages, locks.
 *
 * <p>Threads: any; {@code Clock.SYSTEM} is stateless.
 *
 * <p>Invariant UT1: storage code reads the time only through the {@code Clock} given in
 * {@code EngineConfig} (LRU ages in the buffer pool, table lock deadlines, table creation times),
 * so tests can drive it with a manual clock instead of sleeping. Waiting itself is not virtual:
 * {@code TableLock} takes its deadline from the clock but waits on its monitor in real time.
 */
package io.flushdb.storage.util;
