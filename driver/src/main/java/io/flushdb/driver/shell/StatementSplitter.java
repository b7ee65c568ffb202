package io.flushdb.driver.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits input into SQL statements at {@code ;} as the mysql client does: a {@code ;} inside a
 * quoted string ({@code '...'}, {@code "..."}, with backslash escapes and doubled quotes), a
 * backticked identifier or a comment does not end a statement. Comments are dropped, as the mysql
 * client drops them by default ({@code --} followed by a space or line end, {@code #} to the end of
 * the line, and block comments), except optimizer hints and version comments (block comments
 * opening with {@code /*+} or {@code /*!}), which are kept. Empty statements are skipped.
 *
 * <p>Input is fed in pieces (lines, with their line breaks); a statement may span many. Not
 * thread-safe.
 */
public final class StatementSplitter {
    /** Where the end of the input seen so far leaves the splitter (the shell's prompt shows it). */
    public enum State {
        /** Between tokens: a {@code ;} ends the statement. */
        NORMAL,
        /** Inside {@code '...'}. */
        SINGLE_QUOTE,
        /** Inside {@code "..."}. */
        DOUBLE_QUOTE,
        /** Inside {@code `...`}. */
        BACKTICK,
        /** Inside a block comment. */
        BLOCK_COMMENT
    }

    private final StringBuilder pending = new StringBuilder();
    private State state = State.NORMAL;
    /** Whether the block comment being read is kept (a hint or version comment). */
    private boolean keepComment;
    /** Inside a {@code --} or {@code #} comment, which the next line break ends. */
    private boolean lineComment;
    /** The previous character was a backslash inside a quoted string. */
    private boolean escaped;

    /** Splits a whole script; a last statement without {@code ;} is included. */
    public static List<String> split(String script) {
        StatementSplitter s = new StatementSplitter();
        List<String> out = new ArrayList<>(s.feed(script));
        String rest = s.remainder();
        if (!rest.isEmpty()) {
            out.add(rest);
        }
        return out;
    }

    /** Reads {@code text}; returns the statements it completed, without their {@code ;}. */
    public List<String> feed(String text) {
        List<String> done = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
            if (lineComment) {
                if (c == '\n') {
                    lineComment = false;
                    pending.append('\n');
                }
                continue;
            }
            switch (state) {
                case NORMAL -> i = normal(c, next, i, text, done);
                case SINGLE_QUOTE, DOUBLE_QUOTE, BACKTICK -> quoted(c);
                case BLOCK_COMMENT -> {
                    if (c == '*' && next == '/') {
                        state = State.NORMAL;
                        if (keepComment) {
                            pending.append("*/");
                        } else {
                            pending.append(' ');
                        }
                        i++;
                    } else if (keepComment) {
                        pending.append(c);
                    }
                }
            }
        }
        return done;
    }

    private int normal(char c, char next, int i, String text, List<String> done) {
        switch (c) {
            case ';' -> {
                String statement = pending.toString().trim();
                pending.setLength(0);
                if (!statement.isEmpty()) {
                    done.add(statement);
                }
            }
            case '\'' -> enter(State.SINGLE_QUOTE, c);
            case '"' -> enter(State.DOUBLE_QUOTE, c);
            case '`' -> enter(State.BACKTICK, c);
            case '#' -> lineComment = true;
            case '-' -> {
                char after = i + 2 < text.length() ? text.charAt(i + 2) : '\n';
                if (next == '-' && (Character.isWhitespace(after) || Character.isISOControl(after))) {
                    lineComment = true;
                    return i + 1;
                }
                pending.append(c);
            }
            case '/' -> {
                if (next == '*') {
                    char after = i + 2 < text.length() ? text.charAt(i + 2) : '\0';
                    state = State.BLOCK_COMMENT;
                    keepComment = after == '!' || after == '+';
                    if (keepComment) {
                        pending.append("/*");
                    }
                    return i + 1;
                }
                pending.append(c);
            }
            default -> pending.append(c);
        }
        return i;
    }

    private void enter(State quote, char c) {
        state = quote;
        escaped = false;
        pending.append(c);
    }

    private void quoted(char c) {
        pending.append(c);
        if (escaped) {
            escaped = false;
            return;
        }
        if (c == '\\' && state != State.BACKTICK) {
            escaped = true;
            return;
        }
        char close = switch (state) {
            case SINGLE_QUOTE -> '\'';
            case DOUBLE_QUOTE -> '"';
            default -> '`';
        };
        if (c == close) {
            state = State.NORMAL; // a doubled quote re-enters at once on the next character
        }
    }

    /** The text of the unfinished statement, trimmed (empty if there is none). */
    public String remainder() {
        return pending.toString().trim();
    }

    /** Whether an unfinished statement (or an open quote or comment) is waiting for more input. */
    public boolean hasPending() {
        return state != State.NORMAL || !remainder().isEmpty();
    }

    public State state() {
        return state;
    }

    /** Forgets the unfinished statement (the mysql client's {@code \c}). */
    public void clear() {
        pending.setLength(0);
        state = State.NORMAL;
        lineComment = false;
        escaped = false;
    }
}
