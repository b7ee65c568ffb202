/**
 * The file seam: {@link io.flushdb.storage.io.FileIO} (one open file: positional read, write,
 * force, size, truncate) and {@link io.flushdb.storage.io.FileStore} (a data directory of named
 * files), each with a real implementation over {@code java.nio} and an in-memory one.
 *
 * <p>Owns: nothing but byte movement. Never touches: pages, checksums, the buffer pool. Every
 * fault test injects its faults by wrapping these two interfaces; no other layer has a test hook.
 *
 * <p>Every page and file of a data directory goes through this seam, with one exception:
 * {@code space.DataDirectory.acquire} creates the directory and its {@code flushdb.lock} with
 * {@code java.nio.file} and takes a {@code FileLock} through a {@code FileChannel} of its own,
 * since a lock needs a real channel. Faults injected here therefore never reach the directory
 * lock.
 */
package io.flushdb.storage.io;
