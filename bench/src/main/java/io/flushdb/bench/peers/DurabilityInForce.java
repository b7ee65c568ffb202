package io.flushdb.bench.peers;

/**
 * What a peer actually ran with, as read back from the running database after it started.
 *
 * @param description the settings and their meaning in a few words, e.g.
 *     {@code "journal_mode=wal, synchronous=FULL: WAL fsynced at every commit"}
 * @param asRequested false when the peer cannot provide the requested {@link Durability} and
 *     ran with something weaker (or when the read-back shows the request did not take effect)
 */
public record DurabilityInForce(String description, boolean asRequested) {

    /** For a peer whose settings could not be read back. */
    public static DurabilityInForce unknown(String why) {
        return new DurabilityInForce("unknown (read-back failed: " + why + ")", false);
    }
}
