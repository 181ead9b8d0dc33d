package dev.confab.client.ui.app;

import dev.confab.client.core.calls.CallSettings;
import dev.confab.client.testing.Seeded;
import dev.confab.media.video.capture.TestPatternDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;

/** Desktop profiles for tests: seeded randomness, short timeouts, loopback call candidates, a test-pattern camera. */
public final class TestProfiles {
    private TestProfiles() {}

    public static DesktopProfiles under(Path root) {
        return new DesktopProfiles(root, b -> {
            long seed = Seeded.next();
            return b.random(Seeded.secureRandom(seed)).backoffRandom(new SplittableRandom(seed))
                    .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
                    .calls(CallSettings.defaults().withLoopback(true).withWarmUp(false)
                            .withCameras(TestPatternDriver::standard));
        });
    }
}
