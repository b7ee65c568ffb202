package io.flushdb.storage.row;

/**
 * A FOREIGN KEY constraint refused a row change (InnoDB's DB_NO_REFERENCED_ROW,
 * DB_ROW_IS_REFERENCED and DB_FOREIGN_EXCEED_MAX_CASCADE). The SQL layer turns it into MySQL's
 * errors 1452, 1451 and 3008; {@link #detail} is the part of their message that names the
 * constraint: {@code `db`.`child`, CONSTRAINT `fk` FOREIGN KEY (`c`) REFERENCES `parent` (`id`)}.
 */
public final class ForeignKeyException extends RuntimeException {
    /** Which rule the change broke. */
    public enum Kind {
        /** A child row's key has no parent row (1452). */
        NO_REFERENCED_ROW,
        /** A parent row still has child rows and the action is RESTRICT or NO ACTION (1451). */
        ROW_IS_REFERENCED,
        /** A cascade would have {@link ForeignKeyEnforcer#MAX_CASCADE_DEPTH} ancestors (3008). */
        CASCADE_TOO_DEEP
    }

    private final Kind kind;
    private final String detail;

    public ForeignKeyException(Kind kind, String detail) {
        super(kind + ": " + detail, null, false, false);
        this.kind = kind;
        this.detail = detail;
    }

    public Kind kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }
}
