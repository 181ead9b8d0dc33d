package dev.confab.crypto.dtls;

import dev.confab.crypto.sas.ShortAuthString;
import java.util.Objects;

/**
 * What a completed DTLS-SRTP handshake gives the call: SRTP keys for this side, the short authentication string
 * both people can compare, and the fingerprint of the peer certificate that was checked. Immutable.
 *
 * @param role            the role this side played
 * @param srtpKeys        the negotiated profile and this side's keys
 * @param sas             the short authentication string of this handshake, identical on both sides
 * @param peerFingerprint the fingerprint of the certificate the peer presented; equal to the expected one
 */
public record DtlsHandshakeResult(DtlsRole role, DtlsSrtpKeys srtpKeys, ShortAuthString sas,
        CertificateFingerprint peerFingerprint) {

    public DtlsHandshakeResult {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(srtpKeys, "srtpKeys");
        Objects.requireNonNull(sas, "sas");
        Objects.requireNonNull(peerFingerprint, "peerFingerprint");
    }
}
