package dev.confab.client.ui.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.confab.client.core.presence.Presence;
import org.junit.jupiter.api.Test;

class StatusTextTest {
    private static final long NOW = 1_800_000_000_000L;

    @Test
    void offlineContactShowsHowLongAgoTheyWereSeen() {
        assertEquals("offline, last seen just now", StatusText.of(Presence.OFFLINE, NOW - 59_000, NOW));
        assertEquals("offline, last seen 5 min ago", StatusText.of(Presence.OFFLINE, NOW - 5 * 60_000 - 1, NOW));
        assertEquals("offline, last seen 3 h ago", StatusText.of(Presence.OFFLINE, NOW - 3 * 3_600_000, NOW));
        assertEquals("offline, last seen yesterday", StatusText.of(Presence.OFFLINE, NOW - 30 * 3_600_000, NOW));
        assertEquals("offline, last seen 4 days ago", StatusText.of(Presence.OFFLINE, NOW - 4 * 86_400_000L, NOW));
    }

    @Test
    void otherStatesAreTheirLabel() {
        assertEquals("offline", StatusText.of(Presence.OFFLINE, 0, NOW));
        assertEquals("online", StatusText.of(Presence.ONLINE, NOW - 60_000, NOW));
        assertEquals("busy", StatusText.of(Presence.BUSY, 0, NOW));
        assertEquals("unknown", StatusText.of(Presence.UNKNOWN, NOW - 60_000, NOW));
    }

    @Test
    void aClockThatRanBackwardsReadsAsJustNow() {
        assertEquals("just now", StatusText.ago(NOW + 10_000, NOW));
    }
}
