package dev.confab.server.presence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.PresenceState;
import dev.confab.protocol.rest.PresenceInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The tracker hands each change to its listener in order, and never while holding the user's lock. */
class PresenceTrackerTest {
    private final PresenceTracker tracker = new PresenceTracker();
    private final List<PresenceState> seen = new CopyOnWriteArrayList<>();

    @Test
    void listenersRunAfterTheLockIsReleasedAndInChangeOrder() {
        boolean[] otherFinished = new boolean[1];
        tracker.connected("u", "laptop", PresenceState.ONLINE, info -> {
            seen.add(info.state());
            // While this listener runs (it would write to sockets), another device of the user changes state.
            Thread other = Thread.ofVirtual().start(() ->
                    tracker.chose("u", "laptop", PresenceState.BUSY, next -> seen.add(next.state())));
            try {
                otherFinished[0] = other.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(otherFinished[0]).as("the user's lock was free while the listener ran").isTrue();
        assertThat(seen).containsExactly(PresenceState.ONLINE, PresenceState.BUSY);
        assertThat(tracker.current("u")).isEqualTo(new PresenceInfo(PresenceState.BUSY, 0));
    }

    @Test
    void aDeviceStaysOnlineUntilItsLastConnectionCloses() {
        tracker.connected("u", "laptop", PresenceState.AWAY, info -> seen.add(info.state()));
        tracker.connected("u", "laptop", PresenceState.AWAY, info -> seen.add(info.state()));
        tracker.disconnected("u", "laptop", 42, info -> seen.add(info.state()));
        assertThat(tracker.isOnline("u")).isTrue();
        tracker.disconnected("u", "laptop", 43, info -> seen.add(info.state()));
        assertThat(seen).containsExactly(PresenceState.AWAY, PresenceState.OFFLINE);
        assertThat(tracker.current("u").lastSeenAt()).isEqualTo(43);
    }
}
