package dev.confab.crypto.dtls;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Everything one DTLS-SRTP association needs besides its link and thread. Immutable.
 *
 * @param role                    client or server, from {@link DtlsRole#negotiate}
 * @param certificate             this call's own certificate
 * @param expectedPeerFingerprint the fingerprint from the peer's (verified) SDP; any other certificate fails the
 *                                handshake with {@link DtlsException.Reason#FINGERPRINT_MISMATCH}
 * @param config                  profiles and timers
 * @param random                  randomness for the handshake (randoms, ECDHE keys, signature nonces)
 */
public record DtlsParameters(DtlsRole role, DtlsCertificate certificate, CertificateFingerprint expectedPeerFingerprint,
        DtlsConfig config, SecureRandom random) {

    public DtlsParameters {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(expectedPeerFingerprint, "expectedPeerFingerprint");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(random, "random");
    }
}
