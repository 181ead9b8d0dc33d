package dev.confab.client.e2e;

import dev.confab.client.core.ClientConfig;
import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.chat.ChatMessage;
import dev.confab.client.core.chat.MessageState;
import dev.confab.client.core.presence.Presence;
import dev.confab.client.core.store.Profile;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One person in an end-to-end test: a profile directory and a live {@link ConfabClient} on it, with a
 * {@link Recorder}. Randomness is seeded, with a fresh seed for every client opened, so a reopened profile never
 * repeats message ids.
 */
final class TestUser implements AutoCloseable {
    static final String PASSWORD = "correct horse battery 42";
    private static final AtomicLong SEEDS = new AtomicLong(1000);

    final String username;
    final Path dir;
    final String serverUrl;
    ConfabClient client;
    Recorder events;

    TestUser(String username, Path dir, String serverUrl) {
        this.username = username;
        this.dir = dir;
        this.serverUrl = serverUrl;
    }

    /** Registers {@code username} on a fresh profile and goes live. */
    static TestUser register(String serverUrl, Path root, String username) {
        TestUser user = new TestUser(username, root.resolve(username), serverUrl);
        user.open();
        user.client.account().register(username, PASSWORD, null);
        user.client.start();
        return user;
    }

    /** Signs {@code username} in on a new profile at {@code dir} (another device of the user) and goes live. */
    static TestUser signIn(String serverUrl, Path dir, String username) {
        TestUser user = new TestUser(username, dir, serverUrl);
        user.open();
        user.client.account().login(username, PASSWORD);
        user.client.start();
        return user;
    }

    /** Opens the client on the profile (not started). */
    void open() {
        long seed = SEEDS.incrementAndGet();
        SecureRandom random;
        try {
            random = SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        random.setSeed(seed);
        client = ConfabClient.open(ClientConfig.builder(new Profile(dir)).serverUrl(serverUrl)
                .random(random).backoffRandom(new SplittableRandom(seed))
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10)).build());
        events = new Recorder();
        client.addListener(events);
    }

    /** Opens and starts again after {@link #close()}. */
    void reopen() {
        open();
        client.start();
    }

    String userId() {
        return client.account().require().userId();
    }

    Presence presenceOf(TestUser other) {
        return client.contacts().byId(other.userId()).map(c -> c.presence()).orElse(null);
    }

    MessageState stateOf(ChatMessage sent) {
        return client.chat().message(sent.senderUserId(), sent.messageId()).orElseThrow().state();
    }

    ChatMessage send(TestUser to, String text) {
        return client.send(to.userId(), text);
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
