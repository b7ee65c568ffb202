package io.flushdb.storage.dict;

import io.flushdb.storage.btree.BTree;
import io.flushdb.storage.btree.BTreeCursor;
import io.flushdb.storage.btree.DuplicateKeyException;
import io.flushdb.storage.buffer.BufferFrame;
import io.flushdb.storage.buffer.BufferPool;
import io.flushdb.storage.buffer.LatchMode;
import io.flushdb.storage.io.FileStore;
import io.flushdb.storage.latch.LatchLevel;
import io.flushdb.storage.latch.OrderedRwLock;
import io.flushdb.storage.log.RedoRecordType;
import io.flushdb.storage.mtr.MiniTransaction;
import io.flushdb.storage.mtr.MtrContext;
import io.flushdb.storage.page.PageId;
import io.flushdb.storage.page.PageType;
import io.flushdb.storage.row.ForeignKeyLinks;
import io.flushdb.storage.row.TableStore;
import io.flushdb.storage.space.DataDirectory;
import io.flushdb.storage.space.PageAllocator;
import io.flushdb.storage.space.SpaceHeader;
import io.flushdb.storage.space.TablespaceRegistry;
import io.flushdb.storage.trx.TableLock;
import io.flushdb.storage.util.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The data dictionary: databases and tables, persisted in two B+trees of the system tablespace
 * ({@code SYS_SCHEMATA}, {@code SYS_TABLES}, whose roots are on {@link SystemPage}) and cached in
 * memory. It performs DDL: creating and dropping databases, tables and indexes, and truncating
 * tables, each creating or deleting the table's tablespace file as needed.
 *
 * <p>Lookups read concurrent maps without a latch. DDL is serialised by the dictionary latch
 * ({@link LatchLevel#DICTIONARY}); callers hold the affected table's lock exclusively, so no
 * statement uses a table while its definition changes. Each DDL bumps {@link #version()}, which
 * the SQL layer's plan cache keys on.
 */
public final class Dictionary {
    private static final long SCHEMATA_INDEX_ID = 1;
    private static final long TABLES_INDEX_ID = 2;
    private static final long FIRST_INDEX_ID = 100;

    private final MtrContext mtrs;
    private final BufferPool pool;
    private final TablespaceRegistry spaces;
    private final FileStore files;
    private final Clock clock;
    private final OrderedRwLock latch = new OrderedRwLock(LatchLevel.DICTIONARY, "dict_sys");
    private final AtomicLong version = new AtomicLong(1);

    private final TableStore sysSchemata;
    private final TableStore sysTables;
    private final Map<String, DatabaseDef> databases = new ConcurrentSkipListMap<>();
    private final Map<String, Map<String, TableEntry>> tables = new ConcurrentHashMap<>();
    private final Map<Long, TableLock> locks = new ConcurrentHashMap<>();
    /** Views by database and name; their rows live in SYS_TABLES too (see {@link ViewDef}). */
    private final Map<String, Map<String, ViewDef>> views = new ConcurrentHashMap<>();

    private Dictionary(MtrContext mtrs, TablespaceRegistry spaces, Clock clock) {
        this.mtrs = mtrs;
        this.pool = mtrs.pool();
        this.spaces = spaces;
        this.files = spaces.fileStore();
        this.clock = clock;
        BufferFrame sys = pool.getPage(PageId.of(0, SystemPage.PAGE_NO), LatchMode.SHARED);
        int schemataRoot;
        int tablesRoot;
        try {
            schemataRoot = sys.page().getInt(SystemPage.OFFSET_SCHEMATA_ROOT);
            tablesRoot = sys.page().getInt(SystemPage.OFFSET_TABLES_ROOT);
        } finally {
            pool.release(sys, LatchMode.SHARED);
        }
        this.sysSchemata = new TableStore(schemataDef(schemataRoot), mtrs);
        this.sysTables = new TableStore(tablesDef(tablesRoot), mtrs);
    }

    private static TableDef schemataDef(int root) {
        List<ColumnDef> cols = List.of(
                new ColumnDef("name", ColumnType.VARCHAR, 64, 0, 0, 0, false, false, false, null,
                        ColumnDef.DefaultKind.NONE, false, false, Collation.UTF8MB4_BIN, ""),
                new ColumnDef("collation_id", ColumnType.SMALLINT, 0, 0, 0, 0, true, false, false, null,
                        ColumnDef.DefaultKind.NONE, false, false, null, ""));
        IndexDef pk = new IndexDef(SCHEMATA_INDEX_ID, IndexDef.PRIMARY_NAME, IndexDef.Kind.PRIMARY, new int[] {0}, root);
        return new TableDef(-1, "mysql", "SYS_SCHEMATA", 0, cols, List.of(pk), 1, Collation.UTF8MB4_BIN, "", 0);
    }

    private static TableDef tablesDef(int root) {
        List<ColumnDef> cols = List.of(
                new ColumnDef("db", ColumnType.VARCHAR, 64, 0, 0, 0, false, false, false, null,
                        ColumnDef.DefaultKind.NONE, false, false, Collation.UTF8MB4_BIN, ""),
                new ColumnDef("name", ColumnType.VARCHAR, 64, 0, 0, 0, false, false, false, null,
                        ColumnDef.DefaultKind.NONE, false, false, Collation.UTF8MB4_BIN, ""),
                new ColumnDef("definition", ColumnType.LONGBLOB, 0, 0, 0, 0, false, false, false, null,
                        ColumnDef.DefaultKind.NONE, false, false, null, ""));
        IndexDef pk = new IndexDef(TABLES_INDEX_ID, IndexDef.PRIMARY_NAME, IndexDef.Kind.PRIMARY, new int[] {0, 1}, root);
        return new TableDef(-2, "mysql", "SYS_TABLES", 0, cols, List.of(pk), 1, Collation.UTF8MB4_BIN, "", 0);
    }

    /**
     * Initialises a new system tablespace (already open as space 0): its header, the system page
     * and the two empty dictionary trees.
     */
    public static void bootstrap(MtrContext mtrs, int pageSize) {
        try (MiniTransaction mtr = mtrs.start()) {
            PageAllocator.initSpace(mtr, 0);
            BufferFrame sys = PageAllocator.allocate(mtr, 0, PageType.SYSTEM);
            if (sys.pageNo() != SystemPage.PAGE_NO) {
                throw new IllegalStateException("system page allocated at " + sys.pageNo());
            }
            mtr.writeInt(sys, SystemPage.OFFSET_MAGIC, SystemPage.MAGIC);
            mtr.writeInt(sys, SystemPage.OFFSET_VERSION, SystemPage.FORMAT_VERSION);
            mtr.writeInt(sys, SystemPage.OFFSET_PAGE_SIZE, pageSize);
            mtr.writeInt(sys, SystemPage.OFFSET_NEXT_SPACE_ID, 1);
            mtr.writeLong(sys, SystemPage.OFFSET_NEXT_TABLE_ID, 1);
            mtr.writeLong(sys, SystemPage.OFFSET_NEXT_INDEX_ID, FIRST_INDEX_ID);
            mtr.writeInt(sys, SystemPage.OFFSET_SCHEMATA_ROOT, BTree.create(mtr, 0, SCHEMATA_INDEX_ID));
            mtr.writeInt(sys, SystemPage.OFFSET_TABLES_ROOT, BTree.create(mtr, 0, TABLES_INDEX_ID));
            mtr.commit();
        }
    }

    /** Loads the dictionary of an initialised data directory and opens every table's tablespace. */
    public static Dictionary load(MtrContext mtrs, TablespaceRegistry spaces, Clock clock) {
        Dictionary d = new Dictionary(mtrs, spaces, clock);
        d.loadAll();
        d.linkForeignKeys();
        return d;
    }

    private void loadAll() {
        BTreeCursor c = sysSchemata.scan();
        c.seekFirst();
        while (c.next()) {
            Object[] row = sysSchemata.readRow(c.buffer(), c.record(), null);
            String name = (String) row[0];
            databases.put(name, new DatabaseDef(name, Collation.byId(((Number) row[1]).intValue())));
            tables.put(name, new ConcurrentSkipListMap<>());
        }
        c = sysTables.scan();
        c.seekFirst();
        List<TableDef> defs = new ArrayList<>();
        while (c.next()) {
            Object[] row = sysTables.readRow(c.buffer(), c.record(), null);
            byte[] definition = (byte[]) row[2];
            if (ViewDef.isView(definition)) {
                ViewDef v = ViewDef.deserialize(definition);
                views.computeIfAbsent(v.database(), k -> new ConcurrentSkipListMap<>()).put(v.name(), v);
                continue;
            }
            defs.add(TableDef.deserialize(definition));
        }
        defs = finishInterruptedRenames(defs);
        finishInterruptedRebuilds(defs);
        for (TableDef def : defs) {
            String file = DataDirectory.tableFile(def.database(), def.name());
            if (!files.exists(file)) {
                throw new DictionaryException(DictionaryException.Kind.MISSING_TABLESPACE, def.database(), def.name());
            }
            spaces.open(def.spaceId(), file, false);
            register(def);
        }
    }

    /**
     * RN2: a RENAME TABLE interrupted between inserting the new SYS_TABLES row and deleting the old
     * one left two rows with the same table id. The durable FILE_RENAME record is the commit point:
     * recovery has replayed it if it reached the log, so the row whose file exists wins and the
     * other row is deleted.
     */
    private List<TableDef> finishInterruptedRenames(List<TableDef> defs) {
        Map<Long, TableDef> byId = new java.util.LinkedHashMap<>();
        List<TableDef> kept = new ArrayList<>();
        for (TableDef def : defs) {
            TableDef other = byId.putIfAbsent(def.id(), def);
            if (other == null) {
                continue;
            }
            boolean defHasFile = files.exists(DataDirectory.tableFile(def.database(), def.name()));
            TableDef loser = defHasFile ? other : def;
            byId.put(def.id(), defHasFile ? def : other);
            sysTables.delete(new Object[] {loser.database(), loser.name(), null});
        }
        kept.addAll(byId.values());
        if (kept.size() != defs.size()) {
            makeDurable();
        }
        return kept;
    }

    /**
     * RB5: puts the files of tables whose rebuild (ALTER TABLE) was interrupted back in line with
     * SYS_TABLES, whose row is the commit point. A table whose space still sits under its
     * temporary name was moved aside by a rebuild that did not commit: whatever holds the table's
     * name now is the uncommitted copy and is deleted, and the old file gets its name back. Then
     * every file left under a temporary name (an uncommitted copy, or the old file of a committed
     * rebuild) is deleted.
     */
    private void finishInterruptedRebuilds(List<TableDef> defs) {
        for (TableDef def : defs) {
            String file = DataDirectory.tableFile(def.database(), def.name());
            String temp = temporaryFile(def.database(), def.spaceId());
            if (!files.exists(temp)) {
                continue;
            }
            if (files.exists(file)) {
                discardFile(file);
            }
            int open = spaces.spaceOfFile(temp);
            if (open >= 0) {
                spaces.rename(open, file);
            } else {
                files.rename(temp, file);
            }
        }
        for (String db : databases.keySet()) {
            String dir = DataDirectory.databaseDirectory(db);
            for (String entry : files.list(dir)) {
                if (entry.startsWith(TEMPORARY_PREFIX)) {
                    discardFile(dir + "/" + entry);
                }
            }
        }
    }

    /** Deletes a tablespace file left by an interrupted DDL, closing its space if recovery opened it. */
    private void discardFile(String file) {
        int open = spaces.spaceOfFile(file);
        if (open >= 0) {
            pool.discardSpace(open);
            spaces.close(open);
        }
        files.delete(file);
    }

    /** Prefix of the temporary names of tablespaces during a rebuild (never an encoded table name). */
    static final String TEMPORARY_PREFIX = "#sql-ib";

    /** The temporary file name of space {@code spaceId} in database {@code database}'s directory. */
    static String temporaryFile(String database, int spaceId) {
        return DataDirectory.databaseDirectory(database) + "/" + TEMPORARY_PREFIX + spaceId + ".ibd";
    }

    private TableEntry register(TableDef def) {
        TableLock lock = locks.computeIfAbsent(def.id(), id -> new TableLock(def.qualifiedName(), clock));
        TableEntry e = new TableEntry(def, new TableStore(def, mtrs), lock);
        tables.computeIfAbsent(def.database(), k -> new ConcurrentSkipListMap<>()).put(def.name(), e);
        return e;
    }

    // ---- lookups ------------------------------------------------------------------------------

    /** Incremented by every DDL. */
    public long version() {
        return version.get();
    }

    public DatabaseDef database(String name) {
        return databases.get(name);
    }

    public List<DatabaseDef> databases() {
        return new ArrayList<>(databases.values());
    }

    public TableEntry table(String database, String name) {
        Map<String, TableEntry> m = tables.get(database);
        return m == null ? null : m.get(name);
    }

    /** The tables of a database in name order (empty if the database does not exist). */
    public List<TableEntry> tables(String database) {
        Map<String, TableEntry> m = tables.get(database);
        return m == null ? Collections.emptyList() : new ArrayList<>(m.values());
    }

    /** The view {@code database.name}, or null. */
    public ViewDef view(String database, String name) {
        Map<String, ViewDef> m = views.get(database);
        return m == null ? null : m.get(name);
    }

    /** The views of a database in name order. */
    public List<ViewDef> views(String database) {
        Map<String, ViewDef> m = views.get(database);
        return m == null ? Collections.emptyList() : new ArrayList<>(m.values());
    }

    /**
     * CREATE VIEW, or with {@code replace} CREATE OR REPLACE / ALTER VIEW of an existing view. A
     * table or (without {@code replace}) a view of that name is {@link DictionaryException.Kind#TABLE_EXISTS}.
     */
    public void createView(ViewDef view, boolean replace) {
        latch.lockExclusive();
        try {
            if (!databases.containsKey(view.database())) {
                throw new DictionaryException(DictionaryException.Kind.NO_SUCH_DATABASE, view.database(), null);
            }
            ViewDef old = view(view.database(), view.name());
            if (table(view.database(), view.name()) != null || (old != null && !replace)) {
                throw new DictionaryException(DictionaryException.Kind.TABLE_EXISTS, view.database(), view.name());
            }
            if (old != null) {
                sysTables.delete(new Object[] {view.database(), view.name(), null});
            }
            sysTables.insert(new Object[] {view.database(), view.name(), view.serialize()});
            views.computeIfAbsent(view.database(), k -> new ConcurrentSkipListMap<>()).put(view.name(), view);
            version.incrementAndGet();
            makeDurable();
        } finally {
            latch.unlockExclusive();
        }
    }

    /** DROP VIEW of an existing view. */
    public void dropView(String database, String name) {
        latch.lockExclusive();
        try {
            if (view(database, name) == null) {
                throw new DictionaryException(DictionaryException.Kind.NO_SUCH_TABLE, database, name);
            }
            sysTables.delete(new Object[] {database, name, null});
            views.get(database).remove(name);
            version.incrementAndGet();
            makeDurable();
        } finally {
            latch.unlockExclusive();
        }
    }

    // ---- DDL ----------------------------------------------------------------------------------

    /** CREATE DATABASE. Returns false if it exists and {@code ifNotExists}. */
    public boolean createDatabase(String name, Collation collation, boolean ifNotExists) {
        latch.lockExclusive();
        try {
            if (databases.containsKey(name)) {
                if (ifNotExists) {
                    return false;
                }
                throw new DictionaryException(DictionaryException.Kind.DATABASE_EXISTS, name, null);
            }
            sysSchemata.insert(new Object[] {name, (long) collation.id()});
            files.createDirectory(DataDirectory.databaseDirectory(name));
            tables.put(name, new ConcurrentSkipListMap<>());
            databases.put(name, new DatabaseDef(name, collation));
            changed();
            makeDurable();
            return true;
        } finally {
            latch.unlockExclusive();
        }
    }

    /**
     * DROP DATABASE with every table in it. Returns the number of tables dropped, or -1 if it did
     * not exist and {@code ifExists}. The caller holds every table's lock exclusively.
     */
    public int dropDatabase(String name, boolean ifExists) {
        latch.lockExclusive();
        try {
            if (!databases.containsKey(name)) {
                if (ifExists) {
                    return -1;
                }
                throw new DictionaryException(DictionaryException.Kind.NO_SUCH_DATABASE, name, null);
            }
            List<TableEntry> list = tables(name);
            for (TableEntry e : list) {
                dropTableLocked(e);
            }
            for (ViewDef v : views(name)) {
                sysTables.delete(new Object[] {name, v.name(), null});
            }
            views.remove(name);
            sysSchemata.delete(new Object[] {name, null});
            databases.remove(name);
            tables.remove(name);
            files.deleteDirectory(DataDirectory.databaseDirectory(name));
            changed();
            makeDurable();
            return list.size();
        } finally {
            latch.unlockExclusive();
        }
    }

    /**
     * CREATE TABLE from a definition whose ids, tablespace and root pages are still unassigned.
     * Returns the table as registered.
     */
    public TableEntry createTable(TableDef template) {
        latch.lockExclusive();
        try {
            if (!databases.containsKey(template.database())) {
                throw new DictionaryException(DictionaryException.Kind.NO_SUCH_DATABASE, template.database(), null);
            }
            if (table(template.database(), template.name()) != null || view(template.database(), template.name()) != null) {
                throw new DictionaryException(DictionaryException.Kind.TABLE_EXISTS, template.database(), template.name());
            }
            int spaceId = (int) nextCounter(SystemPage.OFFSET_NEXT_SPACE_ID, 1, false);
            long tableId = nextCounter(SystemPage.OFFSET_NEXT_TABLE_ID, 1, true);
            List<IndexDef> indexes = new ArrayList<>();
            for (IndexDef ix : template.indexes()) {
                indexes.add(new IndexDef(nextCounter(SystemPage.OFFSET_NEXT_INDEX_ID, 1, true), ix.name(), ix.kind(),
                        ix.columns(), 0));
            }
            TableDef def = new TableDef(tableId, template.database(), template.name(), spaceId, template.columns(),
                    indexes, template.autoIncrementStart(), template.defaultCollation(), template.comment(),
                    clock.millis(), template.foreignKeys(), template.checks());
            def = createTablespace(def);
            try {
                sysTables.insert(new Object[] {def.database(), def.name(), def.serialize()});
            } catch (RuntimeException e) {
                deleteTablespace(def);
                throw e;
            }
            TableEntry entry = register(def);
            changed();
            makeDurable();
            return entry;
        } finally {
            latch.unlockExclusive();
        }
    }

    /** Creates the file of {@code def}'s tablespace with its header and empty index trees. */
    private TableDef createTablespace(TableDef def) {
        return createTablespace(def, DataDirectory.tableFile(def.database(), def.name()));
    }

    /** Creates the tablespace of {@code def} in file {@code file}. */
    private TableDef createTablespace(TableDef def, String file) {
        if (files.exists(file)) {
            // On a case-insensitive file system (macOS, Windows) the file of table `T` is that of
            // table `t`: refuse rather than take it. Otherwise it is a leftover of an interrupted
            // DROP, which would be reused if kept.
            for (Map<String, TableEntry> inDb : tables.values()) {
                for (TableEntry other : inDb.values()) {
                    if (DataDirectory.tableFile(other.def().database(), other.def().name()).equalsIgnoreCase(file)) {
                        throw new DictionaryException(DictionaryException.Kind.TABLE_EXISTS, other.def().database(),
                                other.def().name());
                    }
                }
            }
            files.delete(file);
        }
        logFileOperation(RedoRecordType.FILE_CREATE, def.spaceId(), file);
        spaces.open(def.spaceId(), file, true);
        List<IndexDef> withRoots = new ArrayList<>();
        try (MiniTransaction mtr = mtrs.start()) {
            PageAllocator.initSpace(mtr, def.spaceId());
            for (IndexDef ix : def.indexes()) {
                withRoots.add(ix.withRootPage(BTree.create(mtr, def.spaceId(), ix.id())));
            }
            BufferFrame h = mtr.getPage(PageId.of(def.spaceId(), 0), LatchMode.EXCLUSIVE);
            mtr.writeLong(h, SpaceHeader.OFFSET_AUTO_INCREMENT, Math.max(1, def.autoIncrementStart()));
            mtr.commit();
        }
        return def.withIndexes(withRoots);
    }

    private void deleteTablespace(TableDef def) {
        deleteTablespace(def, DataDirectory.tableFile(def.database(), def.name()));
    }

    private void deleteTablespace(TableDef def, String file) {
        logFileOperation(RedoRecordType.FILE_DELETE, def.spaceId(), file);
        pool.discardSpace(def.spaceId());
        spaces.close(def.spaceId());
        files.delete(file);
    }

    /**
     * Writes a file record and makes it durable before the file operation it announces, so that
     * recovery knows of every file the data directory may hold (seed 003: FILE_CREATE is durable
     * before the file exists).
     */
    private void logFileOperation(RedoRecordType type, int spaceId, String file) {
        byte[] name = file.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long lsn;
        try (MiniTransaction mtr = mtrs.start()) {
            mtr.logNonPage(type, spaceId, name, 0, name.length);
            lsn = mtr.commit();
        }
        mtrs.log().flushUpTo(lsn, true);
    }

    /**
     * Renames the file of open space {@code spaceId}, after making a FILE_RENAME record durable so
     * that recovery repeats the rename if the file system lost it.
     */
    private void renameTablespace(int spaceId, String to) {
        String from = spaces.get(spaceId).fileName();
        byte[] a = from.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] b = to.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer payload = java.nio.ByteBuffer.allocate(2 + a.length + b.length);
        payload.putShort((short) a.length).put(a).put(b);
        long lsn;
        try (MiniTransaction mtr = mtrs.start()) {
            mtr.logNonPage(RedoRecordType.FILE_RENAME, spaceId, payload.array(), 0, payload.capacity());
            lsn = mtr.commit();
        }
        mtrs.log().flushUpTo(lsn, true);
        spaces.rename(spaceId, to);
    }

    /** DDL is durable when it returns: the redo of everything it did is forced. */
    private void makeDurable() {
        mtrs.log().flushUpTo(mtrs.log().currentLsn(), true);
    }

    /**
     * Runs {@code work} with no DDL in progress (the dictionary latch shared): background work on a
     * table's pages (purge) is not run while the table is dropped or truncated.
     */
    public void withoutDdl(Runnable work) {
        latch.lockShared();
        try {
            work.run();
        } finally {
            latch.unlockShared();
        }
    }

    /** The rows of the table stored in tablespace {@code spaceId}, or null if no table has it. */
    public TableStore tableBySpace(int spaceId) {
        for (Map<String, TableEntry> inDb : tables.values()) {
            for (TableEntry e : inDb.values()) {
                if (e.def().spaceId() == spaceId) {
                    return e.store();
                }
            }
        }
        return null;
    }

    /** DROP TABLE. The caller holds the table's lock exclusively. */
    public void dropTable(String database, String name) {
        latch.lockExclusive();
        try {
            TableEntry e = table(database, name);
            if (e == null) {
                throw new DictionaryException(DictionaryException.Kind.NO_SUCH_TABLE, database, name);
            }
            dropTableLocked(e);
            changed();
            makeDurable();
        } finally {
            latch.unlockExclusive();
        }
    }

    private void dropTableLocked(TableEntry e) {
        TableDef def = e.def();
        sysTables.delete(new Object[] {def.database(), def.name(), null});
        tables.get(def.database()).remove(def.name());
        locks.remove(def.id());
        deleteTablespace(def);
    }

    /**
     * TRUNCATE TABLE: the table gets a new, empty tablespace; AUTO_INCREMENT restarts. The caller
     * holds the table's lock exclusively.
     */
    public TableEntry truncateTable(String database, String name) {
        latch.lockExclusive();
        try {
            TableEntry e = table(database, name);
            if (e == null) {
                throw new DictionaryException(DictionaryException.Kind.NO_SUCH_TABLE, database, name);
            }
            TableDef old = e.def();
            deleteTablespace(old);
            int spaceId = (int) nextCounter(SystemPage.OFFSET_NEXT_SPACE_ID, 1, false);
            TableDef def = new TableDef(old.id(), old.database(), old.name(), spaceId, old.columns(), old.indexes(),
                    old.autoIncrementStart(), old.defaultCollation(), old.comment(), old.createTimeMillis(),
                    old.foreignKeys(), old.checks());
            def = createTablespace(def);
            replaceDefinition(def);
            return table(database, name);
        } finally {
            latch.unlockExclusive();
        }
    }

    /**
     * CREATE INDEX on an existing table: builds the tree from the table's rows. The caller holds
     * the table's lock exclusively.
     *
     * @throws DuplicateKeyException if a unique index meets two equal keys (nothing is changed)
     */
    public TableEntry createIndex(String database, String name, IndexDef template) {
        latch.lockExclusive();
        try {
            TableEntry e = table(database, name);
            if (e == null) {
                throw new DictionaryException(DictionaryException.Kind.NO_SUCH_TABLE, database, name);
            }
            if (e.def().index(template.name()) != null) {
                throw new DictionaryException(DictionaryException.Kind.INDEX_EXISTS, database, template.name());
            }
            long id = nextCounter(SystemPage.OFFSET_NEXT_INDEX_ID, 1, true);
            int root;
            try (MiniTransaction mtr = mtrs.start()) {
                root = BTree.create(mtr, e.def().spaceId(), id);
                mtr.commit();
            }
            IndexDef ix = new IndexDef(id, template.name(), template.kind(), template.columns(), root);
            List<IndexDef> list = new ArrayList<>(e.def().indexes());
            list.add(ix);
            TableDef def = e.def().withIndexes(list);
            TableStore store = new TableStore(def, mtrs);
            int s = store.secondaryCount() - 1;
            BTree tree = store.secondaryIndex(s);
            try {
                populate(e.store(), store, s);
            } catch (RuntimeException ex) {
                tree.freeAllPages();
                throw ex;
            }
            replaceDefinition(def);
            return table(database, name);
        } finally {
            latch.unlockExclusive();
        }
    }

    private static void populate(TableStore from, TableStore to, int secondary) {
        BTreeCursor c = from.scan();
        c.seekFirst();
        Object[] row = new Object[from.rowWidth()];
        java.nio.ByteBuffer entry = java.nio.ByteBuffer.allocate(65536);
        BTree tree = to.secondaryIndex(secondary);
        while (c.next()) {
            from.decodeRow(c.buffer(), c.record(), row, false);
            int len = to.encodeSecondary(secondary, row, entry);
            tree.insert(entry, len);
        }
    }

    /** DROP INDEX. The caller holds the table's lock exclusively. */
    public TableEntry dropIndex(String database, String name, String indexName) {
        latch.lockExclusive();
        try {
            TableEntry e = table(database, name);
            if (e == null) {
                throw new DictionaryException(DictionaryException.Kind.NO_SUCH_TABLE, database, name);
            }
            IndexDef ix = e.def().index(indexName);
            if (ix == null || ix.isClustered()) {
                throw new DictionaryException(DictionaryException.Kind.NO_SUCH_INDEX, database, indexName);
            }
            int pos = e.def().indexes().indexOf(ix);
            e.store().secondaryIndex(pos - 1).freeAllPages();
            List<IndexDef> list = new ArrayList<>(e.def().indexes());
            list.remove(pos);
            replaceDefinition(e.def().withIndexes(list));
            return table(database, name);
        } finally {
            latch.unlockExclusive();
        }
    }

    /** Converts the rows of a table being rebuilt. */
    public interface RowCopier {
        /** The new table's row (its user columns) for a row of the old table (read with its LOBs). */
        Object[] convert(Object[] oldRow);

        /** The new table's AUTO_INCREMENT counter, given the old one's; called after every row. */
        long autoIncrement(long oldCounter);
    }

    /**
     * ALTER TABLE by copying (MySQL's ALGORITHM=COPY): builds a new tablespace with the
     * definition {@code template} (ids and roots unassigned; the name, id and creation of the
     * table are kept) under a temporary name, copies every row through {@code copier}, then
     * switches (RB1-RB4). If copying fails (a conversion error, a duplicate key), the copy is
     * deleted and the table is as it was. The caller holds the table's lock exclusively.
     *
     * <ol>
     *   <li>RB1: the copy is created as {@code #sql-ib<space>.ibd} (FILE_CREATE) and filled.</li>
     *   <li>RB2: the old file is renamed to its temporary name, then the copy to the table's name
     *       (FILE_RENAME records, durable before each rename).</li>
     *   <li>RB3: the SYS_TABLES row takes the new definition: the commit point.</li>
     *   <li>RB4: the old file is deleted (FILE_DELETE).</li>
     * </ol>
     * A crash anywhere leaves the old table or the new one: recovery replays the file records, and
     * loading the dictionary (RB5, {@code finishInterruptedRebuilds}) gives the file that the
     * SYS_TABLES row names its name back and deletes the other.
     */
    public TableEntry rebuildTable(String database, String name, TableDef template, RowCopier copier) {
        latch.lockExclusive();
        try {
            TableEntry e = table(database, name);
            if (e == null) {
                throw new DictionaryException(DictionaryException.Kind.NO_SUCH_TABLE, database, name);
            }
            TableDef old = e.def();
            int spaceId = (int) nextCounter(SystemPage.OFFSET_NEXT_SPACE_ID, 1, false);
            List<IndexDef> indexes = new ArrayList<>();
            for (IndexDef ix : template.indexes()) {
                indexes.add(new IndexDef(nextCounter(SystemPage.OFFSET_NEXT_INDEX_ID, 1, true), ix.name(), ix.kind(),
                        ix.columns(), 0));
            }
            TableDef def = new TableDef(old.id(), database, name, spaceId, template.columns(), indexes,
                    template.autoIncrementStart(), template.defaultCollation(), template.comment(), clock.millis(),
                    template.foreignKeys(), template.checks());
            String temp = temporaryFile(database, spaceId);
            def = createTablespace(def, temp); // RB1
            TableStore to = new TableStore(def, mtrs);
            try {
                copyRows(e.store(), to, copier);
                to.resetAutoIncrement(copier.autoIncrement(e.store().autoIncrementValue()));
            } catch (RuntimeException ex) {
                deleteTablespace(def, temp);
                throw ex;
            }
            String file = DataDirectory.tableFile(database, name);
            renameTablespace(old.spaceId(), temporaryFile(database, old.spaceId())); // RB2
            renameTablespace(spaceId, file);
            sysTables.update(new Object[] {database, name, null}, new Object[] {database, name, def.serialize()});
            makeDurable(); // RB3: committed
            register(def);
            changed();
            deleteTablespace(old, temporaryFile(database, old.spaceId())); // RB4
            makeDurable();
            return table(database, name);
        } finally {
            latch.unlockExclusive();
        }
    }

    private static void copyRows(TableStore from, TableStore to, RowCopier copier) {
        BTreeCursor c = from.scan();
        c.seekFirst();
        Object[] row = new Object[from.rowWidth()];
        int width = to.rowWidth();
        // The cursor skips delete-marked rows (none that a transaction can still see: DDL waited).
        while (c.next()) {
            from.decodeRow(c.buffer(), c.record(), row, true);
            Object[] converted = copier.convert(row);
            Object[] out = new Object[width];
            System.arraycopy(converted, 0, out, 0, Math.min(converted.length, width));
            to.insert(out);
        }
    }

    /**
     * RENAME TABLE (also ALTER TABLE ... RENAME): moves the table's row in SYS_TABLES and its
     * file. The caller holds the table's lock exclusively and has checked the target is free.
     * RN1: the row under the new name is inserted, then the file renamed (a durable FILE_RENAME
     * record first: the commit point), then the old row deleted; see RN2 for a crash in between.
     */
    public TableEntry renameTable(String database, String name, String newDatabase, String newName) {
        latch.lockExclusive();
        try {
            TableEntry e = table(database, name);
            if (e == null) {
                throw new DictionaryException(DictionaryException.Kind.NO_SUCH_TABLE, database, name);
            }
            if (!databases.containsKey(newDatabase)) {
                throw new DictionaryException(DictionaryException.Kind.NO_SUCH_DATABASE, newDatabase, null);
            }
            if (table(newDatabase, newName) != null) {
                throw new DictionaryException(DictionaryException.Kind.TABLE_EXISTS, newDatabase, newName);
            }
            TableDef old = e.def();
            TableDef def = new TableDef(old.id(), newDatabase, newName, old.spaceId(), old.columns(), old.indexes(),
                    old.autoIncrementStart(), old.defaultCollation(), old.comment(), old.createTimeMillis(),
                    old.foreignKeys(), old.checks());
            String file = DataDirectory.tableFile(newDatabase, newName);
            if (files.exists(file)) {
                files.delete(file); // a leftover of an interrupted DROP
            }
            sysTables.insert(new Object[] {newDatabase, newName, def.serialize()});
            makeDurable();
            renameTablespace(old.spaceId(), file); // the commit point
            sysTables.delete(new Object[] {database, name, null});
            tables.get(database).remove(name);
            TableEntry moved = register(def);
            changed();
            makeDurable();
            return moved;
        } finally {
            latch.unlockExclusive();
        }
    }

    /**
     * A change of definition that leaves the rows as they are (column names, defaults, comments,
     * index names, table options). {@code def} keeps the table's id, tablespace and indexes' ids
     * and roots. The caller holds the table's lock exclusively.
     */
    public TableEntry changeDefinition(TableDef def) {
        latch.lockExclusive();
        try {
            TableEntry e = table(def.database(), def.name());
            if (e == null || e.def().id() != def.id() || e.def().spaceId() != def.spaceId()) {
                throw new DictionaryException(DictionaryException.Kind.NO_SUCH_TABLE, def.database(), def.name());
            }
            replaceDefinition(def);
            return table(def.database(), def.name());
        } finally {
            latch.unlockExclusive();
        }
    }

    /** After a DDL: a new version, and every table's FOREIGN KEY links resolved again. */
    private void changed() {
        version.incrementAndGet();
        linkForeignKeys();
    }

    /**
     * Resolves every table's FOREIGN KEY constraints to the stores and indexes that enforce them
     * ({@link ForeignKeyLinks}) and hands each store its links: those it has as a child and those
     * referencing it. A constraint whose parent table or columns are missing (created with
     * foreign_key_checks=0) links to no parent.
     */
    private void linkForeignKeys() {
        Map<TableEntry, List<ForeignKeyLinks.Link>> asChild = new java.util.IdentityHashMap<>();
        Map<TableEntry, List<ForeignKeyLinks.Link>> asParent = new java.util.IdentityHashMap<>();
        for (Map<String, TableEntry> db : tables.values()) {
            for (TableEntry e : db.values()) {
                TableDef def = e.def();
                for (ForeignKeyDef fk : def.foreignKeys()) {
                    int[] cc = def.columnPositions(fk.columns());
                    int ci = def.indexStartingWith(cc);
                    TableEntry p = table(fk.refDatabase(), fk.refTable());
                    int[] pc = p == null ? null : p.def().columnPositions(fk.refColumns());
                    boolean parentOk = p != null && java.util.Arrays.stream(pc).allMatch(i -> i >= 0);
                    int pi = parentOk ? p.def().indexStartingWith(pc) : -1;
                    String detail = "`" + def.database() + "`.`" + def.name() + "`, " + fk.clause(def.database());
                    ForeignKeyLinks.Link link = new ForeignKeyLinks.Link(fk, e.store(), cc, ci,
                            parentOk ? p.store() : null, parentOk ? pc : null, pi, detail);
                    asChild.computeIfAbsent(e, k -> new ArrayList<>()).add(link);
                    if (parentOk) {
                        asParent.computeIfAbsent(p, k -> new ArrayList<>()).add(link);
                    }
                }
            }
        }
        for (Map<String, TableEntry> db : tables.values()) {
            for (TableEntry e : db.values()) {
                List<ForeignKeyLinks.Link> c = asChild.getOrDefault(e, List.of());
                List<ForeignKeyLinks.Link> p = asParent.getOrDefault(e, List.of());
                e.store().linkForeignKeys(c.isEmpty() && p.isEmpty() ? null : new ForeignKeyLinks(c, p));
            }
        }
    }

    /** Stores a changed definition of an existing table and re-creates its store. */
    private void replaceDefinition(TableDef def) {
        sysTables.update(new Object[] {def.database(), def.name(), null},
                new Object[] {def.database(), def.name(), def.serialize()});
        register(def);
        changed();
        makeDurable();
    }

    /** Reads, advances and stores one of the system page's id counters. */
    private long nextCounter(int offset, int count, boolean wide) {
        try (MiniTransaction mtr = mtrs.start()) {
            BufferFrame sys = mtr.getPage(PageId.of(0, SystemPage.PAGE_NO), LatchMode.EXCLUSIVE);
            long v;
            if (wide) {
                v = sys.page().getLong(offset);
                mtr.writeLong(sys, offset, v + count);
            } else {
                v = sys.page().getInt(offset);
                mtr.writeInt(sys, offset, (int) v + count);
            }
            mtr.commit();
            return v;
        }
    }

    /** Checks the dictionary trees themselves. */
    public void checkSystemTables() {
        sysSchemata.check();
        sysTables.check();
    }
}
