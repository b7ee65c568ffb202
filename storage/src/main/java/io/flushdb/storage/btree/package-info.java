/**
 * B+tree indexes: {@link io.flushdb.storage.btree.BTree} (search, insert with splits, delete with
 * page freeing, update), {@link io.flushdb.storage.btree.BTreeCursor} (forward scans), the page
 * and record formats ({@code IndexPage}, {@code RecordLayout}, {@code FieldSpec}; see
 * {@code docs/format/record.md}), overflow chains for long values ({@code OverflowStore},
 * {@code ExternalRef}) and the structure checker ({@code BTreeChecker}).
 *
 * <p>Owns: the contents of {@code INDEX} and {@code OVERFLOW} pages and each tree's structure
 * latch. Never touches: rows as columns (that is {@code row}), transactions, table locks. Pages are
 * allocated and freed through {@code space.PageAllocator}, and every change goes through a
 * mini-transaction, an index page change as one logical redo record whose replay runs the same
 * {@code IndexPage.apply*} code (MTR2).
 *
 * <p>Threads: any session thread. Per tree: searches take the tree latch shared and couple shared
 * page latches down to the leaf, releasing the tree latch there; every change (insert, delete,
 * update, freeing pages) holds the tree latch exclusively and latches the whole root-to-leaf path
 * exclusively. A cursor holds no latch between calls: it copies one leaf's records under a short
 * shared latch and moves right by page number, without the tree latch.
 *
 * <p>Invariants:
 * <ul>
 *   <li>BT1: separators. In an internal page, every key in child {@code i-1} is smaller than
 *       pointer {@code i}'s key, which is no larger than every key in child {@code i}; the first
 *       pointer of each level's leftmost page carries the min-rec mark and stands for minus
 *       infinity.</li>
 *   <li>BT2: keys increase strictly within a page and across a level, whose pages are linked both
 *       ways in key order.</li>
 *   <li>BT3: the root page number is fixed for the index's life: a full root is raised (its records
 *       move to a new child), and a root left with one child absorbs it.</li>
 *   <li>BT4: a record is at most {@code IndexPage.maxRecordSize} (under half a page), checked
 *       before any change, so a split always finds room for two records and succeeds.</li>
 *   <li>BT5: an operation makes every check that can fail before its first page change (a
 *       duplicate key is found before anything is touched), as MTR3 requires.</li>
 *   <li>BT6: only the holder of a tree's exclusive latch changes that tree's pages or links. Only
 *       the root may be empty, except between the two mini-transactions of a delete that empties a
 *       leaf (the second unlinks and frees it), under that same exclusive latch. Under-full pages
 *       are not merged.</li>
 *   <li>BT7: page latches go parent before child and left before right, and a tablespace's page
 *       0 after the tree pages already held. Two exceptions, both under the exclusive tree latch:
 *       a split latches its page's old right neighbour after page 0 and the new page (safe because
 *       only the exclusive tree latch holder latches that tree's pages exclusively); freeing an
 *       emptied page latches an internal page's siblings after the page and its children (safe
 *       because readers latch internal pages only under the shared tree latch).</li>
 *   <li>BT8: an overflow chain is written one page per mini-transaction before the record that
 *       refers to it, freed after the record is gone, and never changed while referenced, so it is
 *       read one shared page at a time without the tree latch.</li>
 * </ul>
 *
 * <p>Delete-marked records ({@code RecordLayout.INFO_DELETED}) are old row versions a transaction
 * deleted and purge has not removed: {@code find} and cursors skip them unless asked to include
 * them (consistent reads), a unique check does not count them as duplicates, and an insert of the
 * same key reports them ({@code EXISTS_DELETED}) so that the row layer can take them over. A
 * {@code BTree.ChangeHook} runs inside a change's mini-transaction after every check and before
 * the first page change: the row layer writes the change's undo record there.
 */
package io.flushdb.storage.btree;
