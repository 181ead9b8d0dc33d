package dev.confab.crypto.dtls;

import dev.confab.crypto.srtp.SrtpProfile;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link DtlsEndpoint} negotiates: the SRTP profiles it offers or accepts, in order of preference, and its
 * handshake timers. Immutable; change it with the {@code with...} methods.
 *
 * @param srtpProfiles       profiles in order of preference, at least one; a server picks its most preferred one
 *                           that the client offered (RFC 5764 section 4.1.1)
 * @param initialRetransmit  the first retransmission timer of a flight; it doubles on each retry up to 60 s
 *                           (RFC 6347 section 4.2.4.1, done by Bouncy Castle)
 * @param handshakeTimeout   the longest the whole handshake may take before it fails with
 *                           {@link DtlsException.Reason#HANDSHAKE_TIMEOUT}
 * @param maxHandshakeMessage the largest handshake message a peer may announce; larger fragments are dropped
 *                            before Bouncy Castle sees them, which would otherwise allocate the announced size
 */
public record DtlsConfig(List<SrtpProfile> srtpProfiles, Duration initialRetransmit, Duration handshakeTimeout,
        int maxHandshakeMessage) {

    /** Every profile Confab speaks, GCM first: the order of {@link SrtpProfile}. */
    public static final List<SrtpProfile> ALL_PROFILES = List.of(SrtpProfile.values());
    /**
     * RFC 6347's recommended initial timer. A call engine that knows the ICE round-trip time may lower it, as
     * browsers do.
     */
    public static final Duration DEFAULT_INITIAL_RETRANSMIT = Duration.ofSeconds(1);
    /** Six retransmissions' worth from the default timer (1+2+4+8+16 s) with some slack: the call gives up then. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(35);
    /**
     * Largest handshake message accepted: certificates here are below 2 KiB and a post-quantum ClientHello below
     * 4 KiB, so 16 KiB leaves room while bounding a flight's reassembly buffers to 16 x 16 KiB.
     */
    public static final int DEFAULT_MAX_HANDSHAKE_MESSAGE = 16 * 1024;

    public DtlsConfig {
        srtpProfiles = List.copyOf(Objects.requireNonNull(srtpProfiles, "srtpProfiles"));
        if (srtpProfiles.isEmpty() || srtpProfiles.stream().distinct().count() != srtpProfiles.size()) {
            throw new IllegalArgumentException("srtpProfiles must name at least one profile, each once");
        }
        requireMillis(initialRetransmit, "initialRetransmit");
        requireMillis(handshakeTimeout, "handshakeTimeout");
        if (maxHandshakeMessage < 1024 || maxHandshakeMessage > (1 << 20)) {
            throw new IllegalArgumentException("maxHandshakeMessage must be 1 KiB to 1 MiB");
        }
    }

    /** All profiles, GCM preferred, and the default timers and limits. */
    public static DtlsConfig defaults() {
        return new DtlsConfig(ALL_PROFILES, DEFAULT_INITIAL_RETRANSMIT, DEFAULT_HANDSHAKE_TIMEOUT,
                DEFAULT_MAX_HANDSHAKE_MESSAGE);
    }

    /** This configuration offering or accepting only {@code profiles}, in that order of preference. */
    public DtlsConfig withSrtpProfiles(SrtpProfile... profiles) {
        return new DtlsConfig(List.of(profiles), initialRetransmit, handshakeTimeout, maxHandshakeMessage);
    }

    /** This configuration with other handshake timers. */
    public DtlsConfig withTimers(Duration initialRetransmit, Duration handshakeTimeout) {
        return new DtlsConfig(srtpProfiles, initialRetransmit, handshakeTimeout, maxHandshakeMessage);
    }

    private static void requireMillis(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.toMillis() < 1 || duration.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 1 ms and 24 days");
        }
    }
}
