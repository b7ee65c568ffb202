package io.flushdb.compat.differential;

/** A {@code .test} file that does not follow the script format; the message names file and line. */
final class ScriptFormatException extends RuntimeException {
    ScriptFormatException(String path, int line, String problem) {
        super(path + ":" + line + ": " + problem);
    }
}
