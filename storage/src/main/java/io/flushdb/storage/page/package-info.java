/**
 * What every page has in common: its address ({@link io.flushdb.storage.page.PageId}), its header
 * and trailer ({@link io.flushdb.storage.page.PageHeader}, format in {@code docs/format/page.md}),
 * its type code and its CRC-32C checksum.
 *
 * <p>Invariants:
 * <ul>
 *   <li>PG1: a page image on disk is either all zeros or carries a checksum over bytes [4, size)
 *       and a trailer equal to the low 32 bits of its header LSN.</li>
 *   <li>PG2: the header's space id and page number name the page's own position.</li>
 * </ul>
 */
package io.flushdb.storage.page;
