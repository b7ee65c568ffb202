/**
 * The data directory and its tablespaces: ownership of the directory
 * ({@link io.flushdb.storage.space.DataDirectory}), the open tablespace files
 * ({@link io.flushdb.storage.space.TablespaceRegistry}, InnoDB's fil_system, which is the buffer
 * pool's {@code PageStore}), page 0 of every tablespace
 * ({@link io.flushdb.storage.space.SpaceHeader}) and page allocation
 * ({@link io.flushdb.storage.space.PageAllocator}), one page at a time; extents and segments do
 * not exist yet.
 *
 * <p>Owns: file names (MySQL's encoding of database and table names), the directory lock, the map
 * from space id to open file, and page 0's size and free list. Never touches: the buffer pool's
 * lists or the contents of pages other than page 0 and free pages.
 *
 * <p>The one exception to the {@code io} seam is here: {@code DataDirectory.acquire} creates the
 * directory and its {@code flushdb.lock} with {@code java.nio.file} and takes a
 * {@code FileLock} through a {@code FileChannel} of its own, since a lock needs a real channel.
 * Memory stores take no lock.
 *
 * <p>Threads: any session thread reading or writing pages (through the buffer pool), or
 * allocating and freeing pages inside its mini-transaction; DDL threads open and close spaces;
 * {@code Engine.open} and {@code close} acquire and release the directory.
 *
 * <p>Invariants:
 * <ul>
 *   <li>SP1: page {@code n} of a space is at byte offset {@code n * pageSize} of its file; page 0
 *       is the space header, and pages [0, size) are the pages ever allocated.</li>
 *   <li>SP2: pages are allocated and freed only by {@code PageAllocator}, inside the caller's
 *       mini-transaction, so the header and the page change together. A freed page is
 *       re-initialised as {@code FREE} and pushed on page 0's free list; {@code allocate} reuses
 *       the head of that list (refusing a page whose type is not {@code FREE} as corrupt) or
 *       extends the space by one page.</li>
 *   <li>SP3: allocation latches the caller's tree pages first, then page 0, then the page taken
 *       off the free list, which no other thread can reach (it is in no structure).</li>
 *   <li>SP4: while the engine runs, a space is closed or its file deleted only after its pages
 *       have left the buffer pool (DROP and TRUNCATE discard them first). A clean close writes
 *       every dirty page before closing the files; a close from FAILED writes nothing.</li>
 *   <li>SP5: while an engine has a real directory open, it holds an exclusive {@code FileLock}
 *       on its {@code flushdb.lock}; a second engine, in this process or another, is refused
 *       with {@code DataDirectoryInUseException} before anything is written.</li>
 * </ul>
 */
package io.flushdb.storage.space;
