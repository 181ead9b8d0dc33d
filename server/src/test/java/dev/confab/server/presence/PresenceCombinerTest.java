package dev.confab.server.presence;

import static dev.confab.protocol.PresenceState.AWAY;
import static dev.confab.protocol.PresenceState.BUSY;
import static dev.confab.protocol.PresenceState.OFFLINE;
import static dev.confab.protocol.PresenceState.ONLINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.PresenceState;
import dev.confab.protocol.rest.PresenceInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PresenceCombinerTest {
    @ParameterizedTest
    @CsvSource({
        "'', offline",
        "online, online",
        "away, away",
        "busy, busy",
        "away online, online",
        "online away, online",
        "away busy, busy",
        "online busy away, busy",
        "away away, away",
    })
    void strongestStateWins(String states, String expected) {
        List<PresenceState> devices = states.isBlank() ? List.of()
                : Arrays.stream(states.split(" ")).map(PresenceState::fromWire).toList();
        assertThat(PresenceCombiner.combine(devices)).isEqualTo(PresenceState.fromWire(expected));
    }

    @Test
    void trackerReportsOnlyChangesOfTheCombinedState() {
        PresenceTracker tracker = new PresenceTracker();
        List<PresenceInfo> changes = new ArrayList<>();
        tracker.connected("u", "laptop", ONLINE, changes::add);
        tracker.connected("u", "phone", AWAY, changes::add);
        tracker.chose("u", "laptop", AWAY, changes::add);
        tracker.chose("u", "phone", BUSY, changes::add);
        tracker.connected("u", "phone", BUSY, changes::add);
        tracker.disconnected("u", "phone", 5, changes::add);
        tracker.disconnected("u", "phone", 6, changes::add);
        tracker.disconnected("u", "laptop", 7, changes::add);
        tracker.chose("u", "laptop", BUSY, changes::add);
        assertThat(changes).containsExactly(new PresenceInfo(ONLINE, 0), new PresenceInfo(AWAY, 0),
                new PresenceInfo(BUSY, 0), new PresenceInfo(AWAY, 0), new PresenceInfo(OFFLINE, 7));
        assertThat(tracker.current("u")).isEqualTo(new PresenceInfo(OFFLINE, 7));
        assertThat(tracker.current("nobody")).isNull();
    }
}
