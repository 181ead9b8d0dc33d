package dev.confab.client.testing;

import dev.confab.testkit.PulseAudio;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Makes Java Sound meet PulseAudio first in this test JVM, whichever test class runs first: ALSA reads its
 * configuration once, at the first use of Java Sound, and routes its default device to PulseAudio only if a server
 * answered then. So before any test runs, a private PulseAudio starts (which checks that Java Sound sees it) and
 * stops; the tests that need devices start their own on the same socket later. Registered through
 * META-INF/services; runs on the launcher's thread before any test.
 */
public final class JavaSoundAfterPulseAudio implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try (PulseAudio primed = PulseAudio.start()) {
            // Started and seen by Java Sound: that is all.
        } catch (RuntimeException e) {
            System.err.println("Java Sound was not primed with PulseAudio (" + e.getMessage()
                    + "); the tests that use audio devices will say what is missing.");
        }
    }
}
