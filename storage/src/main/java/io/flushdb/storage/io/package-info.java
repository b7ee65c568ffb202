/**
 * The file seam: {@link io.flushdb.storage.io.FileIO} (one open file: positional read, write,
 * force, size, truncate) and {@link io.flushdb.storage.io.FileStore} (a data directory of named
 * files), each with a real implementation over {@code java.nio} and an in-memory one.
 *
 * <p>Owns: nothing but byte movement. Never touches: pages, checksums, the buffer pool. Every
 * fault test injects its faults by wrapping these two interfaces; no other layer has a test hook.
 */
package io.flushdb.storage.io;
