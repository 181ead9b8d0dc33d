package dev.confab.media.call;

import dev.confab.crypto.dtls.DtlsCertificate;
import dev.confab.crypto.dtls.DtlsConfig;
import dev.confab.media.ice.IceAgentConfig;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What one call's media needs from the app: ICE servers and policy, this call's DTLS certificate (made ahead of time:
 * the first takes ~0.5 s), where timers run and DTLS blocks, randomness, and how long a broken path may take to mend.
 * Immutable.
 *
 * @param ice             STUN/TURN servers, relay-only policy, timers
 * @param certificate     this call's certificate, whose fingerprint the signed statement binds to the caller
 * @param dtls            DTLS timers and profiles
 * @param timers          shared scheduler for ICE and the session's own timers
 * @param dtlsExecutor    where the DTLS worker blocks (and sends): platform threads, as a send from a
 *                        virtual thread turns the socket non-blocking, which costs every receive two more system calls
 * @param random          ICE credentials, SSRC, session ids, DTLS
 * @param reconnectWithin how long the session tries to find a new path after the old one died, before it fails
 * @param maxSendBitrate  the most this device sends, audio and video together, bit/s, whatever the path could carry
 */
public record CallSessionConfig(IceAgentConfig ice, DtlsCertificate certificate, DtlsConfig dtls,
        ScheduledExecutorService timers, Executor dtlsExecutor, SecureRandom random, Duration reconnectWithin,
        long maxSendBitrate) {

    /**
     * How long a call tries to mend its path by default, counted from when the path is seen dead (2.5 s of silence):
     * so a dead call ends within 30 s, consent freshness's own limit (RFC 7675).
     */
    public static final Duration DEFAULT_RECONNECT_WITHIN = Duration.ofSeconds(25);
    /** The send bitrate a call may reach by default: enough for 1280x720 at 30 frames a second. */
    public static final long DEFAULT_MAX_SEND_BITRATE = 2_500_000;
    /** The least {@link #maxSendBitrate} may be: audio and the smallest video step. */
    public static final long MIN_SEND_BITRATE = 150_000;

    public CallSessionConfig {
        Objects.requireNonNull(ice, "ice");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(dtls, "dtls");
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(dtlsExecutor, "dtlsExecutor");
        Objects.requireNonNull(random, "random");
        if (reconnectWithin.isNegative() || reconnectWithin.isZero()) {
            throw new IllegalArgumentException("reconnectWithin must be positive");
        }
        if (maxSendBitrate < MIN_SEND_BITRATE) {
            throw new IllegalArgumentException("maxSendBitrate must be at least " + MIN_SEND_BITRATE + " bit/s, not "
                    + maxSendBitrate);
        }
    }

    /** A config with DTLS defaults and the default reconnect time. */
    public static CallSessionConfig of(IceAgentConfig ice, DtlsCertificate certificate,
            ScheduledExecutorService timers, Executor dtlsExecutor, SecureRandom random) {
        return new CallSessionConfig(ice, certificate, DtlsConfig.defaults(), timers, dtlsExecutor, random,
                DEFAULT_RECONNECT_WITHIN, DEFAULT_MAX_SEND_BITRATE);
    }

    /** This config with another reconnect time. */
    public CallSessionConfig withReconnectWithin(Duration value) {
        return new CallSessionConfig(ice, certificate, dtls, timers, dtlsExecutor, random, value, maxSendBitrate);
    }

    /** This config with another send bitrate cap. */
    public CallSessionConfig withMaxSendBitrate(long value) {
        return new CallSessionConfig(ice, certificate, dtls, timers, dtlsExecutor, random, reconnectWithin, value);
    }
}
