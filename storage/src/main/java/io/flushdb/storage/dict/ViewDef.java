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
 * A view: its name, its column names (empty when they come from the query's labels), the text of
 * its query and its options, as CREATE VIEW gave them. Stored as a row of SYS_TABLES (views and
 * tables share one namespace, as in MySQL), its definition column starting with {@link #MARKER},
 * a byte no table definition starts with (those start with their format version), so the table
 * definition format is untouched and the row goes through the same redo-logged path.
 *
 * @param checkOption NONE, CASCADED or LOCAL
 */
public record ViewDef(String database, String name, List<String> columns, String query, String algorithm,
                      String definer, String security, String checkOption) {
    /** First byte of a view's SYS_TABLES definition. */
    public static final byte MARKER = (byte) 0x56;
    private static final int FORMAT = 1;

    public static boolean isView(byte[] definition) {
        return definition.length > 0 && definition[0] == MARKER;
    }

    public byte[] serialize() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(MARKER);
            out.writeByte(FORMAT);
            write(out, database);
            write(out, name);
            out.writeInt(columns.size());
            for (String c : columns) {
                write(out, c);
            }
            write(out, query);
            write(out, algorithm);
            write(out, definer);
            write(out, security);
            write(out, checkOption);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static ViewDef deserialize(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readByte() != MARKER) {
                throw new IllegalStateException("not a view definition");
            }
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalStateException("unknown view definition format " + format);
            }
            String database = read(in);
            String name = read(in);
            int n = in.readInt();
            List<String> columns = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                columns.add(read(in));
            }
            return new ViewDef(database, name, List.copyOf(columns), read(in), read(in), read(in), read(in), read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String read(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
