package dev.confab.crypto.dtls;

import static dev.confab.crypto.dtls.DtlsTestPeers.FAST;
import static dev.confab.crypto.dtls.DtlsTestPeers.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** close_notify in either direction ends both sides cleanly. */
class DtlsCloseTest {

    @ParameterizedTest
    @EnumSource(DtlsRole.class)
    void closeNotifyFromEitherSideIsSeenAsACleanClose(DtlsRole closerRole) throws Exception {
        DtlsCertificate closerCert = DtlsTestPeers.certificate(21);
        DtlsCertificate otherCert = DtlsTestPeers.certificate(22);
        DtlsRole otherRole = closerRole == DtlsRole.CLIENT ? DtlsRole.SERVER : DtlsRole.CLIENT;
        LinkPair links = new LinkPair(21, LinkPair.Impairment.NONE);
        DtlsEndpoint closer = DtlsTestPeers.start(closerRole, closerCert, otherCert.fingerprint(), FAST, links.a, 1);
        DtlsEndpoint other = DtlsTestPeers.start(otherRole, otherCert, closerCert.fingerprint(), FAST, links.b, 2);
        closer.handshake().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        other.handshake().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        closer.close();
        closer.close();

        assertThat(closer.closed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(DtlsClosure.CLOSED_LOCALLY);
        assertThat(other.closed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(DtlsClosure.CLOSED_BY_PEER);
        assertThat(closer.handshake()).isCompleted();
        other.close();
        assertThat(other.closed().get()).isEqualTo(DtlsClosure.CLOSED_BY_PEER);
    }
}
