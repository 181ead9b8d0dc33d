package dev.confab.client.e2e;

import dev.confab.client.core.ClientConfig;
import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.calls.CallSettings;
import dev.confab.media.video.capture.CameraDriver;
import dev.confab.media.video.capture.CompositeCameraDriver;
import dev.confab.media.video.capture.TestPatternDriver;
import dev.confab.media.video.capture.VideoFileDriver;
import dev.confab.client.core.chat.ChatMessage;
import dev.confab.client.core.chat.MessageState;
import dev.confab.client.core.presence.Presence;
import dev.confab.client.core.store.Profile;
import dev.confab.client.testing.Seeded;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * One person in an end-to-end test: a profile directory and a live {@link ConfabClient} on it, with a
 * {@link Recorder}. Randomness is seeded, with a fresh seed for every client opened, so a reopened profile never
 * repeats message ids.
 */
public final class TestUser implements AutoCloseable {
    /** A camera that plays a video file of the user's, see {@link #cameraClip()}. */
    public static final String CLIP_CAMERA = "Test clip";

    public static final String PASSWORD = "correct horse battery 42";

    public final String username;
    public final Path dir;
    public final String serverUrl;
    public ConfabClient client;
    public Recorder events;

    TestUser(String username, Path dir, String serverUrl) {
        this.username = username;
        this.dir = dir;
        this.serverUrl = serverUrl;
    }

    /** Registers {@code username} on a fresh profile and goes live. */
    public static TestUser register(String serverUrl, Path root, String username) {
        return registerOneShot(serverUrl, root, username).start();
    }

    /** Registers {@code username} on a fresh profile, not started: it talks to the server only when asked to. */
    public static TestUser registerOneShot(String serverUrl, Path root, String username) {
        TestUser user = new TestUser(username, root.resolve(username), serverUrl);
        user.open();
        user.client.account().register(username, PASSWORD, null);
        return user;
    }

    /** Signs {@code username} in on a new profile at {@code dir} (another device of the user) and goes live. */
    public static TestUser signIn(String serverUrl, Path dir, String username) {
        return signInOneShot(serverUrl, dir, username).start();
    }

    /** Signs {@code username} in on a new profile at {@code dir} (another device of the user), not started. */
    public static TestUser signInOneShot(String serverUrl, Path dir, String username) {
        return signInOneShot(serverUrl, dir, username, UnaryOperator.identity());
    }

    /** As {@link #signInOneShot(String, Path, String)}, with the tests' call settings changed by {@code calls}. */
    public static TestUser signInOneShot(String serverUrl, Path dir, String username, UnaryOperator<CallSettings> calls) {
        TestUser user = new TestUser(username, dir, serverUrl);
        user.open(calls);
        user.client.account().login(username, PASSWORD);
        return user;
    }

    /** Goes live: the event connection, reconnects, the outbox sent by itself. */
    public TestUser start() {
        client.start();
        return this;
    }

    /** Opens the client on the profile (not started), with a seed not used before in this JVM. */
    public void open() {
        open(UnaryOperator.identity());
    }

    private void open(UnaryOperator<CallSettings> calls) {
        long seed = Seeded.next();
        client = ConfabClient.open(ClientConfig.builder(new Profile(dir)).serverUrl(serverUrl)
                .random(Seeded.secureRandom(seed)).backoffRandom(new SplittableRandom(seed))
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
                .calls(calls.apply(CallSettings.defaults().withLoopback(true).withWarmUp(false)
                        .withCameras(this::cameras)))
                .build());
        events = new Recorder();
        client.addListener(events);
    }

    /**
     * This user's cameras: the test pattern, and {@value #CLIP_CAMERA} playing {@link #cameraClip()} while that file
     * is there (moving it away unplugs the camera).
     */
    private CameraDriver cameras() {
        return new CompositeCameraDriver(TestPatternDriver.standard(),
                new VideoFileDriver(Clock.systemUTC()).add(CLIP_CAMERA, cameraClip()));
    }

    /** Where the video of this user's {@value #CLIP_CAMERA} camera goes. */
    public Path cameraClip() {
        return dir.resolve("camera-clip.mp4");
    }

    /** Opens and starts again after {@link #close()}. */
    public void reopen() {
        open();
        client.start();
    }

    public String userId() {
        return client.account().require().userId();
    }

    public String deviceId() {
        return client.account().require().deviceId();
    }

    public Presence presenceOf(TestUser other) {
        return client.contacts().byId(other.userId()).map(c -> c.presence()).orElse(null);
    }

    public MessageState stateOf(ChatMessage sent) {
        return client.chat().message(sent.senderUserId(), sent.messageId()).orElseThrow().state();
    }

    public ChatMessage send(TestUser to, String text) {
        return client.send(to.userId(), text);
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
