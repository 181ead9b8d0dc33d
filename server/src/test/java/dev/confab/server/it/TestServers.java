package dev.confab.server.it;

import dev.confab.testkit.PostgresServer;
import dev.confab.testkit.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

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
                .set("limits.ws-messages-per-session", "100000/1m")
                .set("limits.user-lookups-per-user", "100000/1m")
                .set("limits.contact-requests-per-user", "100000/1m")
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

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
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
