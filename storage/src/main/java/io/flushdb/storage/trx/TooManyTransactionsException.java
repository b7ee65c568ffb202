package io.flushdb.storage.trx;

/** Every undo log slot is in use by an active transaction (MySQL error 1637). */
public final class TooManyTransactionsException extends RuntimeException {
    public TooManyTransactionsException(int slots) {
        super("Too many active concurrent transactions (" + slots + " undo log slots in use)");
    }
}
