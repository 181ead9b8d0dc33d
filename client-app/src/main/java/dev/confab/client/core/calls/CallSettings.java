package dev.confab.client.core.calls;

import dev.confab.media.call.CallSessionConfig;
import dev.confab.media.video.capture.CameraDriver;
import dev.confab.media.video.capture.CompositeCameraDriver;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How this client's calls run. Immutable.
 *
 * @param includeLoopback gather loopback candidates too (two clients on one machine without a network, tests)
 * @param reconnectWithin how long a call may look for a new path after its path died, before it ends
 * @param warmUp          at start-up, set up one loopback call in the background and send packets through it, so
 *                        the first real call does not pay for cold code (one to two seconds of CPU, once)
 * @param relayOnly       offer and use only candidates relayed by the server's TURN relay: the peer never learns this
 *                        device's addresses, at the cost of a longer path (and no call without a TURN server)
 * @param cameras         makes the driver that lists and opens this machine's cameras, once, at the first video call
 *                        (by default the V4L2 cameras and the test pattern)
 * @param maxSendBitrate  the most a call sends, audio and video together, bit/s (less on a path that carries less)
 */
public record CallSettings(boolean includeLoopback, Duration reconnectWithin, boolean warmUp, boolean relayOnly,
        Supplier<CameraDriver> cameras, long maxSendBitrate) {

    public CallSettings {
        Objects.requireNonNull(reconnectWithin, "reconnectWithin");
        Objects.requireNonNull(cameras, "cameras");
        if (maxSendBitrate < CallSessionConfig.MIN_SEND_BITRATE) {
            throw new IllegalArgumentException("maxSendBitrate must be at least " + CallSessionConfig.MIN_SEND_BITRATE
                    + " bit/s");
        }
        if (reconnectWithin.isNegative() || reconnectWithin.isZero()) {
            throw new IllegalArgumentException("reconnectWithin must be positive");
        }
    }

    /** No loopback candidates, the media engine's reconnect time, the start-up warm-up on, direct paths allowed. */
    public static CallSettings defaults() {
        return new CallSettings(false, CallSessionConfig.DEFAULT_RECONNECT_WITHIN, true, false,
                CompositeCameraDriver::standard, CallSessionConfig.DEFAULT_MAX_SEND_BITRATE);
    }

    public CallSettings withLoopback(boolean include) {
        return new CallSettings(include, reconnectWithin, warmUp, relayOnly, cameras, maxSendBitrate);
    }

    public CallSettings withWarmUp(boolean on) {
        return new CallSettings(includeLoopback, reconnectWithin, on, relayOnly, cameras, maxSendBitrate);
    }

    public CallSettings withReconnectWithin(Duration value) {
        return new CallSettings(includeLoopback, value, warmUp, relayOnly, cameras, maxSendBitrate);
    }

    public CallSettings withCameras(Supplier<CameraDriver> driver) {
        return new CallSettings(includeLoopback, reconnectWithin, warmUp, relayOnly, driver, maxSendBitrate);
    }

    public CallSettings withMaxSendBitrate(long bitsPerSecond) {
        return new CallSettings(includeLoopback, reconnectWithin, warmUp, relayOnly, cameras, bitsPerSecond);
    }

    public CallSettings withRelayOnly(boolean only) {
        return new CallSettings(includeLoopback, reconnectWithin, warmUp, only, cameras, maxSendBitrate);
    }
}
