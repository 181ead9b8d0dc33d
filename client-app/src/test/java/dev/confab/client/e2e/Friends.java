package dev.confab.client.e2e;

import dev.confab.testkit.ServerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fixture most end-to-end tests share: the real server in its own process, and two registered, live users,
 * alice and bob, who are contacts and see each other online. Profiles live under the server's temporary data
 * directory, so closing the server removes them too. Users made through {@link #register} and {@link #signIn} are
 * closed with the rest.
 *
 * <p>Register it on an instance field for a fresh server per test, or on a static field for one per class:
 * <pre>{@code @RegisterExtension final Friends friends = Friends.onServer(b -> b.set("ws.heartbeat-seconds", "1"));}</pre>
 *
 * <p>Not thread-safe: the test thread drives it.
 */
public final class Friends implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    private final UnaryOperator<ServerProcess.Builder> settings;
    private final List<TestUser> users = new ArrayList<>();
    private ServerProcess server;
    private TestUser alice;
    private TestUser bob;
    private boolean perClass;

    private Friends(UnaryOperator<ServerProcess.Builder> settings) {
        this.settings = settings;
    }

    /** The default server. */
    public static Friends standard() {
        return onServer(UnaryOperator.identity());
    }

    /** A server with the given settings. */
    public static Friends onServer(UnaryOperator<ServerProcess.Builder> settings) {
        return new Friends(settings);
    }

    public ServerProcess server() {
        return server;
    }

    public TestUser alice() {
        return alice;
    }

    public TestUser bob() {
        return bob;
    }

    /** Where profiles go. */
    public Path profiles() {
        return server.dataDir().resolve("profiles");
    }

    /** Registers another live user on a fresh profile. */
    public TestUser register(String username) {
        return track(TestUser.register(server.baseUrl(), profiles(), username));
    }

    /** Signs {@code username} in, live, on a new profile named {@code profile}: another device of that user. */
    public TestUser signIn(String profile, String username) {
        return track(TestUser.signIn(server.baseUrl(), profiles().resolve(profile), username));
    }

    /** Closes {@code user} with the fixture. */
    public TestUser track(TestUser user) {
        users.add(user);
        return user;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void start() {
        server = settings.apply(ServerProcess.builder()).build().start();
        alice = register("alice");
        bob = register("bob");
        E2E.befriend(alice, bob);
    }

    private void stop() {
        for (TestUser user : users.reversed()) {
            user.close();
        }
        users.clear();
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
