package dev.confab.server.presence;

import dev.confab.protocol.PresenceState;
import java.util.Collection;

/**
 * How the states of a user's connected devices combine into the one others see: the strongest wins, in the
 * order busy &gt; online &gt; away; no connected device is offline. Stateless.
 */
public final class PresenceCombiner {
    private PresenceCombiner() {}

    public static PresenceState combine(Collection<PresenceState> connectedDeviceStates) {
        PresenceState best = PresenceState.OFFLINE;
        for (PresenceState s : connectedDeviceStates) {
            if (rank(s) > rank(best)) {
                best = s;
            }
        }
        return best;
    }

    private static int rank(PresenceState s) {
        return switch (s) {
            case BUSY -> 3;
            case ONLINE -> 2;
            case AWAY -> 1;
            case OFFLINE -> 0;
        };
    }
}
