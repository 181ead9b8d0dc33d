package dev.confab.server.it;

import dev.confab.testkit.PostgresServer;
import dev.confab.testkit.ServerProcess;
import java.util.EnumMap;
import java.util.Map;

/**
 * Server processes for the tests. The behaviour suite shares one server per database for the whole test run
 * (started on first use, killed at JVM exit), so each feature class costs no start-up; tests that need their
 * own settings or restarts build their own with {@link #relaxed()}. Thread-safe.
 */
final class TestServers {
    /** Short call timers so ring-timeout and peer-gone tests are quick. */
    static final int RING_TIMEOUT_SECONDS = 2;
    static final int GRACE_SECONDS = 2;

    private static final Map<Db, ServerProcess> SHARED = new EnumMap<>(Db.class);
    private static PostgresServer postgres;

    private TestServers() {}

    /** A builder with limits high enough for tests that register many users from one address. */
    static ServerProcess.Builder relaxed() {
        return ServerProcess.builder()
                .set("limits.sign-in-per-username", "1000/1m")
                .set("limits.sign-in-per-address", "100000/1m")
                .set("limits.register-per-address", "100000/1m")
                .set("limits.requests-per-session", "100000/1m")
                .set("limits.requests-per-address", "100000/1m")
                .set("limits.ws-messages-per-connection", "100000/1m")
                .set("calls.ring-timeout-seconds", Integer.toString(RING_TIMEOUT_SECONDS))
                .set("calls.reconnect-grace-seconds", Integer.toString(GRACE_SECONDS));
    }

    /** The shared server for a database, started on first use. */
    static synchronized ServerProcess shared(Db db) {
        return SHARED.computeIfAbsent(db, d -> {
            ServerProcess.Builder builder = relaxed();
            if (d == Db.POSTGRES) {
                builder.postgres(postgres().createDatabase("confab_behaviour"), PostgresServer.USER);
            }
            ServerProcess server = builder.build().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                deleteTree(server.dataDir());
            }, "confab-test-server-" + d));
            return server;
        });
    }

    private static void deleteTree(java.nio.file.Path root) {
        try (var paths = java.nio.file.Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("Could not remove " + root + ": " + e.getMessage());
        }
    }

    /** A private PostgreSQL cluster shared by the run. */
    static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.start();
        }
        return postgres;
    }
}
