package dev.confab.media.video.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

/** The threads a capture or the camera watch start: all named {@code camera-...}. */
final class CaptureThreads {
    private CaptureThreads() {}

    /** Waits (a thread ends a moment after its executor reports termination) until none is alive; fails if some stay. */
    static void awaitNoneAlive() {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(alive()).as("threads left after close")
                .isEmpty());
    }

    static List<String> alive() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("camera-")).sorted().toList();
    }
}
