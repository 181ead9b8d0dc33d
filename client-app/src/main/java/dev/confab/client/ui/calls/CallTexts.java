package dev.confab.client.ui.calls;

import dev.confab.client.core.calls.CallState;
import java.time.Duration;

/** The words calls are shown with: where a call stands, and how long it has run. Stateless; safe from any thread. */
final class CallTexts {
    private CallTexts() {}

    /** Where a call with {@code peer} stands, for every state but {@link CallState#ENDED} (its reason says that). */
    static String state(CallState state, String peer) {
        return switch (state) {
            case OUTGOING -> "Calling " + peer + "…";
            case RINGING -> "Ringing…";
            case INCOMING -> peer + " is calling…";
            case CONNECTING -> "Connecting…";
            case CONNECTED -> "Connected";
            case RECONNECTING -> "Reconnecting…";
            case ENDED -> "Call ended.";
        };
    }

    /** A call's length as a timer shows it: "03:12", or "1:03:12" past an hour. */
    static String timer(Duration length) {
        long seconds = Math.max(0, length.toSeconds());
        long hours = seconds / 3600;
        String minutesSeconds = String.format("%02d:%02d", seconds / 60 % 60, seconds % 60);
        return hours == 0 ? minutesSeconds : hours + ":" + minutesSeconds;
    }
}
