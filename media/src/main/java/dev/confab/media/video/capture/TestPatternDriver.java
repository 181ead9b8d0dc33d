package dev.confab.media.video.capture;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * Cameras that film Confab's moving {@link dev.confab.media.video.pattern.TestPattern}, each frame stamped with its
 * number and capture time, so latency and freezes can be read off the received picture. Always present. Thread-safe.
 */
public final class TestPatternDriver implements CameraDriver {
    /** The name of the test-pattern camera Confab offers by default. */
    public static final String DEFAULT_NAME = "Confab test pattern";

    private final List<CameraDevice> cameras;

    private TestPatternDriver(List<CameraDevice> cameras) {
        this.cameras = cameras;
    }

    /** One test-pattern camera, {@value #DEFAULT_NAME}, stamping the system clock's time. */
    public static TestPatternDriver standard() {
        return named(Clock.systemUTC(), DEFAULT_NAME);
    }

    /** Test-pattern cameras with these names, each stamping {@code clock}'s time. */
    public static TestPatternDriver named(Clock clock, String... names) {
        if (Arrays.stream(names).distinct().count() != names.length) {
            throw new IllegalArgumentException("test-pattern camera names must differ: " + Arrays.toString(names));
        }
        return new TestPatternDriver(Arrays.stream(names)
                .<CameraDevice>map(name -> new TestPatternCamera(name, clock)).toList());
    }

    @Override
    public List<CameraDevice> cameras() {
        return cameras;
    }
}
