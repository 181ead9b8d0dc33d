package dev.confab.media.sdp;

import dev.confab.crypto.dtls.CertificateFingerprint;
import java.util.Objects;

/**
 * What Confab puts in every media section it offers or answers for its one BUNDLE transport: fresh ICE credentials
 * (made by the caller from a seeded or secure random source) and the fingerprint of this call's DTLS certificate.
 * Immutable.
 *
 * @param iceUfrag    4-256 ice-chars (JSEP uses at least 4 random characters)
 * @param icePwd      22-256 ice-chars (at least 128 bits of randomness)
 * @param fingerprint the SHA-256 fingerprint of the DTLS certificate
 */
public record LocalTransport(String iceUfrag, String icePwd, CertificateFingerprint fingerprint) {

    /** Validates the credentials. */
    public LocalTransport {
        IceAttributes.checkUfrag(iceUfrag);
        IceAttributes.checkPwd(icePwd);
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
