package dev.confab.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a private {@link PostgresServer} before a test class and removes it afterwards, also when tests fail:
 * {@code @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();}
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback {
    private PostgresServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = PostgresServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The running cluster; only valid between beforeAll and afterAll. */
    public PostgresServer server() {
        if (server == null) {
            throw new IllegalStateException("PostgreSQL is started by the extension before the test class runs");
        }
        return server;
    }
}
