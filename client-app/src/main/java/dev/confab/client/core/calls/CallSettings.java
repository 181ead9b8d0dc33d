package dev.confab.client.core.calls;

import dev.confab.media.call.CallSessionConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * How this client's calls run. Immutable.
 *
 * @param includeLoopback gather loopback candidates too (two clients on one machine without a network, tests)
 * @param reconnectWithin how long a call may look for a new path after its path died, before it ends
 * @param warmUp          at start-up, set up and tear down one loopback call in the background so the first real
 *                        call does not pay for cold code (about half a second of CPU, once)
 */
public record CallSettings(boolean includeLoopback, Duration reconnectWithin, boolean warmUp) {

    public CallSettings {
        Objects.requireNonNull(reconnectWithin, "reconnectWithin");
        if (reconnectWithin.isNegative() || reconnectWithin.isZero()) {
            throw new IllegalArgumentException("reconnectWithin must be positive");
        }
    }

    /** No loopback candidates, the media engine's reconnect time, the start-up warm-up on. */
    public static CallSettings defaults() {
        return new CallSettings(false, CallSessionConfig.DEFAULT_RECONNECT_WITHIN, true);
    }

    public CallSettings withLoopback(boolean include) {
        return new CallSettings(include, reconnectWithin, warmUp);
    }

    public CallSettings withWarmUp(boolean on) {
        return new CallSettings(includeLoopback, reconnectWithin, on);
    }

    public CallSettings withReconnectWithin(Duration value) {
        return new CallSettings(includeLoopback, value, warmUp);
    }
}
