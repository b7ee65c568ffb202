package io.flushdb.storage.dict;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as the dictionary records it: columns, indexes (index 0 is the clustered one), its
 * tablespace, and options. Immutable; DDL builds a new definition.
 *
 * @param id               table id, unique in the data directory
 * @param database         database name
 * @param name             table name (case-sensitive)
 * @param spaceId          the table's tablespace
 * @param columns          the user-visible columns in order
 * @param indexes          index 0 clustered, then secondary indexes in creation order
 * @param autoIncrementStart the AUTO_INCREMENT= table option (1 if none)
 * @param defaultCollation the table's default collation
 * @param comment          COMMENT text
 * @param createTimeMillis creation time
 * @param foreignKeys      the FOREIGN KEY constraints of this table (as the child)
 * @param checks           the CHECK constraints
 */
public record TableDef(long id, String database, String name, int spaceId, List<ColumnDef> columns,
                       List<IndexDef> indexes, long autoIncrementStart, Collation defaultCollation,
                       String comment, long createTimeMillis, List<ForeignKeyDef> foreignKeys,
                       List<CheckDef> checks) {

    /** 1: the first format; 2 adds column extras, foreign keys and checks at the end. */
    private static final int FORMAT_VERSION = 2;

    /** A table without constraints. */
    public TableDef(long id, String database, String name, int spaceId, List<ColumnDef> columns,
                    List<IndexDef> indexes, long autoIncrementStart, Collation defaultCollation,
                    String comment, long createTimeMillis) {
        this(id, database, name, spaceId, columns, indexes, autoIncrementStart, defaultCollation, comment,
                createTimeMillis, List.of(), List.of());
    }

    public TableDef {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
        if (indexes.isEmpty() || !indexes.get(0).isClustered()) {
            throw new IllegalArgumentException("index 0 must be the clustered index");
        }
    }

    public IndexDef clusteredIndex() {
        return indexes.get(0);
    }

    /** Whether the clustered index is the hidden row id (no PRIMARY KEY). */
    public boolean hasHiddenPrimaryKey() {
        return clusteredIndex().kind() == IndexDef.Kind.GENERATED_CLUSTERED;
    }

    /** Position of the column named {@code columnName} (case-insensitive), or -1. */
    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(columnName)) {
                return i;
            }
        }
        return -1;
    }

    /** Position of the AUTO_INCREMENT column, or -1. */
    public int autoIncrementColumn() {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).autoIncrement()) {
                return i;
            }
        }
        return -1;
    }

    public IndexDef index(String indexName) {
        for (IndexDef ix : indexes) {
            if (ix.name().equalsIgnoreCase(indexName)) {
                return ix;
            }
        }
        return null;
    }

    public TableDef withIndexes(List<IndexDef> newIndexes) {
        return new TableDef(id, database, name, spaceId, columns, newIndexes, autoIncrementStart, defaultCollation,
                comment, createTimeMillis, foreignKeys, checks);
    }

    /** This definition with other constraints. */
    public TableDef withConstraints(List<ForeignKeyDef> newForeignKeys, List<CheckDef> newChecks) {
        return new TableDef(id, database, name, spaceId, columns, indexes, autoIncrementStart, defaultCollation,
                comment, createTimeMillis, newForeignKeys, newChecks);
    }

    /**
     * The ordinal (0 the clustered index, i + 1 secondary index i) of the first index whose
     * leading columns are {@code columns} in that order, or -1 (the index a FOREIGN KEY is
     * enforced through). GEN_CLUST_INDEX never qualifies.
     */
    public int indexStartingWith(int[] columns) {
        for (int i = 0; i < indexes.size(); i++) {
            IndexDef ix = indexes.get(i);
            if (ix.kind() == IndexDef.Kind.GENERATED_CLUSTERED || ix.columns().length < columns.length) {
                continue;
            }
            if (java.util.Arrays.equals(ix.columns(), 0, columns.length, columns, 0, columns.length)) {
                return i;
            }
        }
        return -1;
    }

    /** The positions of the named columns (case-insensitive), -1 for a name not found. */
    public int[] columnPositions(List<String> names) {
        int[] out = new int[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = columnIndex(names.get(i));
        }
        return out;
    }

    /** The foreign key named {@code fkName} (case-insensitive), or null. */
    public ForeignKeyDef foreignKey(String fkName) {
        for (ForeignKeyDef fk : foreignKeys) {
            if (fk.name().equalsIgnoreCase(fkName)) {
                return fk;
            }
        }
        return null;
    }

    public String qualifiedName() {
        return database + "." + name;
    }

    // ---- serialization (the SYS_TABLES record) ------------------------------------------------

    public byte[] serialize() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeLong(id);
            writeString(out, database);
            writeString(out, name);
            out.writeInt(spaceId);
            out.writeInt(columns.size());
            for (ColumnDef c : columns) {
                writeString(out, c.name());
                out.writeByte(c.type().ordinal());
                out.writeLong(c.length());
                out.writeByte(c.precision());
                out.writeByte(c.scale());
                out.writeByte(c.fsp());
                int flags = (c.unsigned() ? 1 : 0) | (c.zerofill() ? 2 : 0) | (c.nullable() ? 4 : 0)
                        | (c.autoIncrement() ? 8 : 0) | (c.onUpdateCurrentTimestamp() ? 16 : 0);
                out.writeByte(flags);
                out.writeByte(c.defaultKind().ordinal());
                writeString(out, c.defaultValue());
                out.writeShort(c.collation() == null ? 0 : c.collation().id());
                writeString(out, c.comment());
            }
            out.writeInt(indexes.size());
            for (IndexDef ix : indexes) {
                out.writeLong(ix.id());
                writeString(out, ix.name());
                out.writeByte(ix.kind().ordinal());
                out.writeShort(ix.columns().length);
                for (int col : ix.columns()) {
                    out.writeShort(col);
                }
                out.writeInt(ix.rootPage());
            }
            out.writeLong(autoIncrementStart);
            out.writeShort(defaultCollation.id());
            writeString(out, comment);
            out.writeLong(createTimeMillis);
            for (ColumnDef c : columns) {
                ColumnDef.Extra x = c.extra();
                writeStrings(out, x.elements());
                writeString(out, x.generationExpression());
                out.writeBoolean(x.storedGenerated());
            }
            out.writeInt(foreignKeys.size());
            for (ForeignKeyDef fk : foreignKeys) {
                writeString(out, fk.name());
                writeStrings(out, fk.columns());
                writeString(out, fk.refDatabase());
                writeString(out, fk.refTable());
                writeStrings(out, fk.refColumns());
                out.writeByte(fk.onDelete().ordinal());
                out.writeByte(fk.onUpdate().ordinal());
            }
            out.writeInt(checks.size());
            for (CheckDef ck : checks) {
                writeString(out, ck.name());
                writeString(out, ck.expression());
                out.writeBoolean(ck.enforced());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static TableDef deserialize(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readUnsignedByte();
            if (version < 1 || version > FORMAT_VERSION) {
                throw new IllegalStateException("unknown table definition format " + version);
            }
            long id = in.readLong();
            String database = readString(in);
            String name = readString(in);
            int spaceId = in.readInt();
            int ncols = in.readInt();
            List<ColumnDef> cols = new ArrayList<>(ncols);
            ColumnType[] types = ColumnType.values();
            ColumnDef.DefaultKind[] kinds = ColumnDef.DefaultKind.values();
            for (int i = 0; i < ncols; i++) {
                String cname = readString(in);
                ColumnType type = types[in.readUnsignedByte()];
                long length = in.readLong();
                int precision = in.readUnsignedByte();
                int scale = in.readUnsignedByte();
                int fsp = in.readUnsignedByte();
                int flags = in.readUnsignedByte();
                ColumnDef.DefaultKind dk = kinds[in.readUnsignedByte()];
                String dflt = readString(in);
                int coll = in.readUnsignedShort();
                String comment = readString(in);
                cols.add(new ColumnDef(cname, type, length, precision, scale, fsp, (flags & 1) != 0, (flags & 2) != 0,
                        (flags & 4) != 0, dflt, dk, (flags & 8) != 0, (flags & 16) != 0,
                        coll == 0 ? null : Collation.byId(coll), comment));
            }
            int nix = in.readInt();
            List<IndexDef> ixs = new ArrayList<>(nix);
            IndexDef.Kind[] ikinds = IndexDef.Kind.values();
            for (int i = 0; i < nix; i++) {
                long ixId = in.readLong();
                String ixName = readString(in);
                IndexDef.Kind kind = ikinds[in.readUnsignedByte()];
                int n = in.readUnsignedShort();
                int[] columns = new int[n];
                for (int k = 0; k < n; k++) {
                    columns[k] = in.readUnsignedShort();
                }
                ixs.add(new IndexDef(ixId, ixName, kind, columns, in.readInt()));
            }
            long autoInc = in.readLong();
            Collation dc = Collation.byId(in.readUnsignedShort());
            String comment = readString(in);
            long created = in.readLong();
            List<ForeignKeyDef> fks = new ArrayList<>();
            List<CheckDef> checks = new ArrayList<>();
            if (version >= 2) {
                for (int i = 0; i < ncols; i++) {
                    List<String> elements = readStrings(in);
                    String generation = readString(in);
                    boolean stored = in.readBoolean();
                    cols.set(i, cols.get(i).withExtra(new ColumnDef.Extra(elements, generation, stored)));
                }
                ForeignKeyDef.Action[] actions = ForeignKeyDef.Action.values();
                int nfk = in.readInt();
                for (int i = 0; i < nfk; i++) {
                    fks.add(new ForeignKeyDef(readString(in), readStrings(in), readString(in), readString(in),
                            readStrings(in), actions[in.readUnsignedByte()], actions[in.readUnsignedByte()]));
                }
                int nck = in.readInt();
                for (int i = 0; i < nck; i++) {
                    checks.add(new CheckDef(readString(in), readString(in), in.readBoolean()));
                }
            }
            return new TableDef(id, database, name, spaceId, cols, ixs, autoInc, dc, comment, created, fks, checks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void writeStrings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            writeString(out, s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(readString(in));
        }
        return list;
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = in.readNBytes(n);
        return new String(b, StandardCharsets.UTF_8);
    }
}
