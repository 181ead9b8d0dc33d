package dev.confab.client.ui.main;

import java.time.Duration;

/**
 * Lets the new-message chime play at most once per {@link #GAP}, so a burst of notices (messages from several people
 * after a reconnect) sounds once instead of a chime over a chime. UI thread only.
 */
final class ChimeGate {
    static final Duration GAP = Duration.ofSeconds(2);

    private long lastNanos;
    private boolean played;

    /** Whether a chime may play at {@code nowNanos} (a System.nanoTime reading); if so, counts it as played. */
    boolean mayPlay(long nowNanos) {
        if (played && nowNanos - lastNanos < GAP.toNanos()) {
            return false;
        }
        played = true;
        lastNanos = nowNanos;
        return true;
    }
}
