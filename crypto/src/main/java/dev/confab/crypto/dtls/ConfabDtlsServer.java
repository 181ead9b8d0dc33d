package dev.confab.crypto.dtls;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The DTLS 1.2 server side of a Confab association: signs with our ECDSA certificate (ECDSA suites, which
 * {@link DefaultTlsServer} does not offer by default), requires a client certificate and checks it against the
 * expected fingerprint, and picks our most preferred {@code use_srtp} profile among the client's. Runs entirely on
 * the endpoint's worker thread.
 */
final class ConfabDtlsServer extends DefaultTlsServer {

    private final HandshakeState state;
    private final BcTlsCrypto crypto;
    private UseSRTPData srtpChoice;

    ConfabDtlsServer(BcTlsCrypto crypto, HandshakeState state) {
        super(crypto);
        this.crypto = crypto;
        this.state = state;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(), HandshakeState.ECDSA_SUITES);
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return state.credentials(context, crypto);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        srtpChoice = state.selectProfile(TlsSRTPUtils.getUseSRTPExtension(clientExtensions));
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getServerExtensions());
        TlsSRTPUtils.addUseSRTPExtension(extensions, srtpChoice);
        return extensions;
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        // RFC 5763 section 5: the server must ask for the client's certificate. RSA too, for GStreamer peers.
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        state.checkPeerCertificate(clientCertificate);
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return (int) state.config().handshakeTimeout().toMillis();
    }

    @Override
    public int getHandshakeResendTimeMillis() {
        return (int) state.config().initialRetransmit().toMillis();
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        state.complete(context);
    }

    @Override
    public void notifyAlertReceived(short alertLevel, short alertDescription) {
        state.alertReceived(alertLevel, alertDescription);
    }
}
