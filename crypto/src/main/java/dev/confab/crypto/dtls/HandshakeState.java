package dev.confab.crypto.dtls;

import dev.confab.crypto.sas.ShortAuthString;
import dev.confab.crypto.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * What the Bouncy Castle client and server of one association share: the checks Confab adds to the handshake
 * (peer fingerprint, {@code use_srtp}), the first failure they found, and the exported keys.
 *
 * <p>Thread contract: written by the endpoint's worker thread inside Bouncy Castle callbacks; the volatile fields
 * are read by the same thread after the handshake returns or fails.
 */
final class HandshakeState {

    /** Suites a Confab server signs with its ECDSA key: AEAD only, as browsers prefer (LAB: the default is RSA). */
    static final int[] ECDSA_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    };
    /** A client also accepts RSA-signed servers: GStreamer's webrtcbin makes RSA certificates. */
    static final int[] CLIENT_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    };

    private static final SignatureAndHashAlgorithm ECDSA_SHA256 =
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);

    private final DtlsRole role;
    private final DtlsParameters parameters;
    private volatile DtlsException failure;
    private volatile SrtpProfile profile;
    private volatile CertificateFingerprint peerFingerprint;
    private volatile DtlsHandshakeResult result;
    private volatile boolean closeNotifyReceived;

    HandshakeState(DtlsParameters parameters) {
        this.role = parameters.role();
        this.parameters = parameters;
    }

    DtlsConfig config() {
        return parameters.config();
    }

    /** Our {@code use_srtp} offer (client) with an empty MKI: Confab does not use MKIs. */
    UseSRTPData srtpOffer() {
        return new UseSRTPData(config().srtpProfiles().stream().mapToInt(SrtpProfile::useSrtpId).toArray(),
                TlsUtils.EMPTY_BYTES);
    }

    /** Server: picks our most preferred profile among the client's offer, or fails the handshake. */
    UseSRTPData selectProfile(UseSRTPData clientOffer) throws TlsFatalAlert {
        if (clientOffer == null) {
            throw fail(DtlsException.Reason.NO_COMMON_SRTP_PROFILE, AlertDescription.handshake_failure,
                    "the peer offered no use_srtp extension");
        }
        int[] offered = clientOffer.getProtectionProfiles();
        for (SrtpProfile candidate : config().srtpProfiles()) {
            if (Arrays.stream(offered).anyMatch(id -> id == candidate.useSrtpId())) {
                profile = candidate;
                // RFC 5764 section 4.1.1: an empty MKI in the answer declines the client's MKI.
                return new UseSRTPData(new int[] {candidate.useSrtpId()}, TlsUtils.EMPTY_BYTES);
            }
        }
        throw fail(DtlsException.Reason.NO_COMMON_SRTP_PROFILE, AlertDescription.handshake_failure,
                "the peer offered SRTP profiles " + names(offered) + ", none of " + config().srtpProfiles());
    }

    /** Client: checks the server chose exactly one profile we offered, with no MKI. */
    void acceptProfile(UseSRTPData serverChoice) throws TlsFatalAlert {
        Optional<SrtpProfile> chosen = Optional.empty();
        if (serverChoice != null && serverChoice.getProtectionProfiles().length == 1
                && serverChoice.getMki().length == 0) {
            chosen = SrtpProfile.fromUseSrtpId(serverChoice.getProtectionProfiles()[0])
                    .filter(config().srtpProfiles()::contains);
        }
        if (chosen.isEmpty()) {
            throw fail(DtlsException.Reason.NO_COMMON_SRTP_PROFILE, AlertDescription.illegal_parameter,
                    "the peer did not choose one of our SRTP profiles " + config().srtpProfiles());
        }
        profile = chosen.get();
    }

    /** Checks the peer's end-entity certificate against the expected fingerprint, before any key is trusted. */
    void checkPeerCertificate(Certificate chain) throws IOException {
        if (chain == null || chain.isEmpty()) {
            throw fail(DtlsException.Reason.FINGERPRINT_MISMATCH, AlertDescription.handshake_failure,
                    "the peer presented no certificate");
        }
        CertificateFingerprint presented = CertificateFingerprint.of(chain.getCertificateAt(0).getEncoded());
        if (!presented.equals(parameters.expectedPeerFingerprint())) {
            throw fail(DtlsException.Reason.FINGERPRINT_MISMATCH, AlertDescription.bad_certificate,
                    "the peer's certificate has fingerprint " + presented.toSdpValue() + " but the SDP announced "
                            + parameters.expectedPeerFingerprint().toSdpValue());
        }
        peerFingerprint = presented;
    }

    /** Our certificate and key, for the handshake's CertificateVerify or ServerKeyExchange. */
    TlsCredentialedSigner credentials(TlsContext context, BcTlsCrypto crypto) throws IOException {
        DtlsCertificate own = parameters.certificate();
        TlsCertificate certificate = crypto.createCertificate(own.der());
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, own.privateKey(),
                new Certificate(new TlsCertificate[] {certificate}), ECDSA_SHA256);
    }

    /** Inside {@code notifyHandshakeComplete}, the only place Bouncy Castle's exporter works (LAB). */
    void complete(TlsContext context) throws TlsFatalAlert {
        if (peerFingerprint == null) {
            throw fail(DtlsException.Reason.FINGERPRINT_MISMATCH, AlertDescription.handshake_failure,
                    "the handshake finished without the peer's certificate being checked");
        }
        SrtpProfile negotiated = profile;
        if (negotiated == null) {
            throw fail(DtlsException.Reason.NO_COMMON_SRTP_PROFILE, AlertDescription.handshake_failure,
                    "the handshake finished without use_srtp");
        }
        byte[] srtp = context.exportKeyingMaterial(DtlsSrtpKeys.EXPORTER_LABEL, null,
                DtlsSrtpKeys.exporterLength(negotiated));
        byte[] sas = context.exportKeyingMaterial(ShortAuthString.EXPORTER_LABEL, null,
                ShortAuthString.EXPORTER_LENGTH);
        try {
            result = new DtlsHandshakeResult(role, DtlsSrtpKeys.fromExporter(negotiated, srtp, role),
                    ShortAuthString.fromExporterOutput(sas), peerFingerprint);
        } finally {
            Arrays.fill(srtp, (byte) 0);
        }
    }

    void alertReceived(short level, short description) {
        if (level == AlertLevel.warning && description == AlertDescription.close_notify) {
            closeNotifyReceived = true;
        }
    }

    boolean closeNotifyReceived() {
        return closeNotifyReceived;
    }

    DtlsHandshakeResult result() {
        return result;
    }

    /** The failure one of our checks recorded, if any: it explains the alert better than the alert does. */
    DtlsException failure() {
        return failure;
    }

    private static String names(int[] useSrtpIds) {
        return Arrays.stream(useSrtpIds)
                .mapToObj(id -> SrtpProfile.fromUseSrtpId(id).map(Enum::name).orElse(String.format("0x%04x", id)))
                .toList().toString();
    }

    private TlsFatalAlert fail(DtlsException.Reason reason, short alert, String message) {
        if (failure == null) {
            failure = new DtlsException(reason, message);
        }
        return new TlsFatalAlert(alert, message);
    }
}
