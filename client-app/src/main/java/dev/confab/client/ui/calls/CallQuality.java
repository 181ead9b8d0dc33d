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

    /** Judges {@code stats}: poor above 10% loss, 400 ms round trip or 60 ms jitter; fair above 3%, 200 ms, 30 ms. */
    public static CallQuality of(CallStatistics stats) {
        if (stats.packetsReceived() == 0 && stats.roundTripMillis() < 0) {
            return UNKNOWN;
        }
        double loss = Math.max(stats.sentLossPercent(), stats.receivedLossPercent());
        double rtt = stats.roundTripMillis();
        double jitter = stats.receivedJitterMillis();
        if (loss > 10 || rtt > 400 || jitter > 60) {
            return POOR;
        }
        if (loss > 3 || rtt > 200 || jitter > 30) {
            return FAIR;
        }
        return GOOD;
    }
}
