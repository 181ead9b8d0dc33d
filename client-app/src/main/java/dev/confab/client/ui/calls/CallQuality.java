package dev.confab.client.ui.calls;

import dev.confab.media.call.CallStatistics;

/**
 * How well a call's network does, for the indicator in the call window, judged from the call's statistics: packet
 * loss either way, round-trip time and the jitter of the peer's audio. Immutable.
 */
public enum CallQuality {
    /** No reports yet (the call is not connected, or no statistics came back so far). */
    UNKNOWN("Network quality: measuring"),
    GOOD("Network quality: good"),
    FAIR("Network quality: fair"),
    POOR("Network quality: poor");

    private final String text;

    CallQuality(String text) {
        this.text = text;
    }

    /** The sentence a person (or a screen reader) gets. */
    public String text() {
        return text;
    }

    /** Judges {@code stats}: see {@link #judge}; unknown before any packet or report came back. */
    public static CallQuality of(CallStatistics stats) {
        if (stats.packetsReceived() == 0 && stats.roundTripMillis() < 0) {
            return UNKNOWN;
        }
        return judge(Math.max(stats.sentLossPercent(), stats.receivedLossPercent()), stats.roundTripMillis(),
                stats.receivedJitterMillis());
    }

    /** Poor above 10% loss, 400 ms round trip or 60 ms jitter; fair above 3%, 200 ms or 30 ms; else good. */
    static CallQuality judge(double lossPercent, double roundTripMillis, double jitterMillis) {
        if (lossPercent > 10 || roundTripMillis > 400 || jitterMillis > 60) {
            return POOR;
        }
        if (lossPercent > 3 || roundTripMillis > 200 || jitterMillis > 30) {
            return FAIR;
        }
        return GOOD;
    }
}
