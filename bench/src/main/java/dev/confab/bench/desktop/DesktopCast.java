package dev.confab.bench.desktop;

import dev.confab.client.core.ClientConfig;
import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.calls.CallSettings;
import dev.confab.client.core.store.Profile;
import dev.confab.client.ui.app.DesktopProfiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The people of the desktop benchmark: "alice", registered in the app's own data directory and remembered there (so
 * the app opens her account at start), and contacts of hers who stay online in this JVM (so her list shows them, and
 * one of them can call her). Not thread-safe.
 */
final class DesktopCast implements AutoCloseable {
    static final String PASSWORD = "benchmark password 42";
    static final String APP_USER = "alice";

    private final List<ConfabClient> contacts = new ArrayList<>();

    /** Registers alice in {@code appData} and {@code count} contacts under {@code contactProfiles}, all befriended. */
    static DesktopCast create(String serverUrl, Path appData, Path contactProfiles, int count) {
        DesktopCast cast = new DesktopCast();
        DesktopProfiles profiles = new DesktopProfiles(appData, b -> b);
        try (ConfabClient alice = profiles.open(APP_USER, serverUrl)) {
            alice.account().register(APP_USER, PASSWORD, "Alice");
            profiles.remember(APP_USER, alice.serverUrl());
            for (int i = 0; i < count; i++) {
                String name = "contact" + i;
                ConfabClient contact = ConfabClient.open(ClientConfig.builder(new Profile(contactProfiles.resolve(name)))
                        .serverUrl(serverUrl).calls(CallSettings.defaults().withLoopback(true).withWarmUp(false))
                        .build());
                cast.contacts.add(contact);
                contact.account().register(name, PASSWORD, "Contact " + i);
                contact.start();
                contact.contacts().add(APP_USER, "hello");
                alice.contacts().refresh();
                alice.contacts().accept(name);
                await(() -> contact.contacts().byUsername(APP_USER).isPresent(), "contact " + name);
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

    private static void await(BooleanSupplier condition, String what) {
        Instant end = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new IllegalStateException("Setting up the benchmark: no " + what + " within 20 s");
            }
            try {
                Thread.sleep(Duration.ofMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
    }
}
