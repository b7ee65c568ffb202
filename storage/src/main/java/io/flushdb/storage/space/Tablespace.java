package io.flushdb.storage.space;

import io.flushdb.storage.io.FileIO;

/**
 * An open tablespace file: the system tablespace ({@code ibdata1}, space 0) or one table's
 * {@code <database>/<table>.ibd}. Page {@code n} lives at byte offset {@code n * pageSize}.
 */
public final class Tablespace {
    private final int spaceId;
    private final String fileName;
    private final FileIO file;

    public Tablespace(int spaceId, String fileName, FileIO file) {
        this.spaceId = spaceId;
        this.fileName = fileName;
        this.file = file;
    }

    public int spaceId() {
        return spaceId;
    }

    /** Name of the file relative to the data directory. */
    public String fileName() {
        return fileName;
    }

    public FileIO file() {
        return file;
    }

    @Override
    public String toString() {
        return "Tablespace[" + spaceId + " " + fileName + "]";
    }
}
