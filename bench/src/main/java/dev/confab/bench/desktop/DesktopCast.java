package dev.confab.bench.desktop;

import dev.confab.client.core.ClientConfig;
import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.calls.CallSettings;
import dev.confab.client.core.store.Profile;
import dev.confab.client.ui.app.DesktopProfiles;
import dev.confab.client.ui.settings.DesktopPreferences;
import dev.confab.media.video.capture.TestPatternDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The people of the desktop benchmark: "alice", registered in the app's own data directory and remembered there (so
 * the app opens her account at start) with the test-pattern camera chosen in her settings, and contacts of hers who
 * stay online in this JVM, with test-pattern cameras too (so her list shows them, and one of them can video-call her).
 * Not thread-safe.
 */
final class DesktopCast implements AutoCloseable {
    static final String PASSWORD = "benchmark password 42";
    static final String APP_USER = "alice";
    private static final Duration SETUP_LIMIT = Duration.ofSeconds(20);

    private final List<ConfabClient> contacts = new ArrayList<>();

    /** Registers alice in {@code appData} and {@code count} contacts under {@code contactProfiles}, all befriended. */
    static DesktopCast create(String serverUrl, Path appData, Path contactProfiles, int count) {
        DesktopCast cast = new DesktopCast();
        DesktopProfiles profiles = new DesktopProfiles(appData, b -> b);
        try (ConfabClient alice = profiles.open(APP_USER, serverUrl)) {
            alice.account().register(APP_USER, PASSWORD, "Alice");
            profiles.remember(APP_USER, alice.serverUrl());
            DesktopPreferences.of(alice.config().profile()).setCamera(Optional.of(TestPatternDriver.DEFAULT_NAME));
            for (int i = 0; i < count; i++) {
                String name = "contact" + i;
                ConfabClient contact = ConfabClient.open(ClientConfig.builder(new Profile(contactProfiles.resolve(name)))
                        .serverUrl(serverUrl).calls(CallSettings.defaults().withLoopback(true).withWarmUp(false)
                                .withCameras(TestPatternDriver::standard))
                        .build());
                cast.contacts.add(contact);
                contact.account().register(name, PASSWORD, "Contact " + i);
                contact.start();
                contact.contacts().add(APP_USER, "hello");
                alice.contacts().refresh();
                alice.contacts().accept(name);
                Waits.until(() -> contact.contacts().byUsername(APP_USER).isPresent(), SETUP_LIMIT,
                        Duration.ofMillis(20), () -> "Setting up the benchmark: no contact " + name + " within "
                                + SETUP_LIMIT.toSeconds() + " s");
            }
        } catch (RuntimeException e) {
            cast.close();
            throw e;
        }
        return cast;
    }

    List<ConfabClient> contacts() {
        return contacts;
    }

    @Override
    public void close() {
        contacts.forEach(ConfabClient::close);
    }
}
