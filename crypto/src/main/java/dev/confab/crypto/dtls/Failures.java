package dev.confab.crypto.dtls;

import java.io.IOException;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;

/** Turns what Bouncy Castle and the link threw into a {@link DtlsException} with a reason. Stateless. */
final class Failures {

    private Failures() {
    }

    /**
     * The failure to report.
     *
     * @param thrown  what the handshake or the reader threw
     * @param state   the association's checks, whose own finding wins over the alert it caused
     * @param closing whether {@link DtlsEndpoint#close()} was called, which explains whatever failed after it
     */
    static DtlsException classify(Exception thrown, HandshakeState state, boolean closing) {
        if (state.failure() != null) {
            return state.failure();
        }
        if (closing) {
            return new DtlsException(DtlsException.Reason.CLOSED, "the DTLS endpoint was closed before the "
                    + "handshake finished");
        }
        return switch (thrown) {
            case TlsTimeoutException e -> new DtlsException(DtlsException.Reason.HANDSHAKE_TIMEOUT,
                    "no DTLS handshake within " + state.config().handshakeTimeout().toMillis() + " ms");
            case TlsFatalAlertReceived e -> new DtlsException(DtlsException.Reason.PEER_ALERT,
                    "the peer ended the DTLS association with a fatal alert: " + alert(e.getAlertDescription()));
            case TlsFatalAlert e -> new DtlsException(DtlsException.Reason.PROTOCOL_ERROR,
                    "the peer's DTLS handshake was rejected (" + alert(e.getAlertDescription()) + ")"
                            + detail(e));
            case IOException e -> new DtlsException(DtlsException.Reason.TRANSPORT_ERROR,
                    "the datagram link failed: " + e);
            default -> new DtlsException(DtlsException.Reason.PROTOCOL_ERROR,
                    "Bouncy Castle failed on the peer's input: " + thrown);
        };
    }

    private static String alert(short description) {
        return AlertDescription.getText(description);
    }

    private static String detail(TlsFatalAlert alert) {
        Throwable cause = alert.getCause();
        return cause == null ? "" : ": " + cause;
    }
}
