package dev.confab.crypto.dtls;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The DTLS 1.2 client side of a Confab association: offers {@code use_srtp}, requires extended master secret
 * (RFC 7627, which every WebRTC stack sends), checks the server's certificate against the expected fingerprint and
 * presents ours. Runs entirely on the endpoint's worker thread.
 */
final class ConfabDtlsClient extends DefaultTlsClient {

    private final HandshakeState state;
    private final BcTlsCrypto crypto;

    ConfabDtlsClient(BcTlsCrypto crypto, HandshakeState state) {
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
        return TlsUtils.getSupportedCipherSuites(getCrypto(), HandshakeState.CLIENT_SUITES);
    }

    @Override
    public Hashtable<Integer, byte[]> getClientExtensions() throws IOException {
        @SuppressWarnings("unchecked")
        Hashtable<Integer, byte[]> extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
        TlsSRTPUtils.addUseSRTPExtension(extensions, state.srtpOffer());
        return extensions;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        state.acceptProfile(TlsSRTPUtils.getUseSRTPExtension(serverExtensions));
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                state.checkPeerCertificate(serverCertificate.getCertificate());
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                return state.credentials(context, crypto);
            }
        };
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
