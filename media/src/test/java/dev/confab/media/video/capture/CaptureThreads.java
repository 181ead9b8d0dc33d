package dev.confab.media.video.capture;

import java.util.List;

/** The threads a capture or the camera watch start: all named {@code camera-...}. */
final class CaptureThreads {
    private CaptureThreads() {}

    static List<String> alive() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("camera-")).sorted().toList();
    }
}
