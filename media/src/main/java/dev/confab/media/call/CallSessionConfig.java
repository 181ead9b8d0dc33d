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
 */
public record CallSessionConfig(IceAgentConfig ice, DtlsCertificate certificate, DtlsConfig dtls,
        ScheduledExecutorService timers, Executor dtlsExecutor, SecureRandom random, Duration reconnectWithin) {

    /**
     * How long a call tries to mend its path by default, counted from when the path is seen dead (2.5 s of silence):
     * so a dead call ends within 30 s, consent freshness's own limit (RFC 7675).
     */
    public static final Duration DEFAULT_RECONNECT_WITHIN = Duration.ofSeconds(25);

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
    }

    /** A config with DTLS defaults and the default reconnect time. */
    public static CallSessionConfig of(IceAgentConfig ice, DtlsCertificate certificate,
            ScheduledExecutorService timers, Executor dtlsExecutor, SecureRandom random) {
        return new CallSessionConfig(ice, certificate, DtlsConfig.defaults(), timers, dtlsExecutor, random,
                DEFAULT_RECONNECT_WITHIN);
    }

    /** This config with another reconnect time. */
    public CallSessionConfig withReconnectWithin(Duration value) {
        return new CallSessionConfig(ice, certificate, dtls, timers, dtlsExecutor, random, value);
    }
}
