package dev.confab.media.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.confab.crypto.dtls.CertificateFingerprint;
import dev.confab.crypto.dtls.DtlsRole;
import dev.confab.crypto.dtls.DtlsSetup;
import dev.confab.media.ice.IceCredentials;
import dev.confab.media.sdp.CandidateTransport;
import dev.confab.media.sdp.SdpNegotiationException;
import dev.confab.media.sdp.SdpNegotiationException.Reason;
import dev.confab.media.sdp.SessionDescription;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The transport parts of real Chromium descriptions (the fixtures the SDP tests keep), and what is refused. */
class PeerTransportTest {

    @Test
    void readsChromiumsOfferAndAnswersItAsTheDtlsClient() throws Exception {
        PeerTransport offer = PeerTransport.of(fixture("chromium-offer.sdp"));

        assertThat(offer.credentials()).isEqualTo(new IceCredentials("OIM6", "pw1m3Z/+WcZIkt7ddCU1ghl6"));
        assertThat(offer.fingerprint()).isEqualTo(CertificateFingerprint.parse("sha-256 FA:7F:C2:6E:2C:56:D9:DF:B1:31:"
                + "2E:C7:16:21:E4:F0:B2:9C:8F:82:41:14:92:C3:39:64:7B:C9:09:70:32:DE"));
        assertThat(offer.setup()).isEqualTo(DtlsSetup.ACTPASS);
        assertThat(offer.roleAsAnswerer()).isEqualTo(DtlsRole.CLIENT);
        assertThat(offer.candidates()).as("the audio section's, not the video section's too").hasSize(8)
                .filteredOn(c -> c.transport() == CandidateTransport.TCP).hasSize(4);
        assertThat(offer.endOfCandidates()).isFalse();
    }

    @Test
    void readsChromiumsAnswerToAnActpassOfferAsTheDtlsServer() throws Exception {
        PeerTransport answer = PeerTransport.of(fixture("chromium-answer.sdp"));

        assertThat(answer.credentials().ufrag()).isEqualTo("io0V");
        assertThat(answer.setup()).isEqualTo(DtlsSetup.ACTIVE);
        assertThat(answer.roleAsOfferer()).isEqualTo(DtlsRole.SERVER);
    }

    @Test
    void takesTheTransportFromTheFirstBundledSectionThatIsNotRejected() throws Exception {
        SessionDescription d = SessionDescription.parse(sdp(
                "m=audio 0 UDP/TLS/RTP/SAVPF 111", "a=mid:0", "a=ice-ufrag:rej1", "a=ice-pwd:rejectedSectionPwd22chars",
                "a=fingerprint:" + FINGERPRINT, "a=setup:actpass",
                "m=video 9 UDP/TLS/RTP/SAVPF 96", "a=mid:1", "a=ice-ufrag:vid1", "a=ice-pwd:videoSectionPassword22ch",
                "a=fingerprint:" + FINGERPRINT, "a=setup:passive", "a=end-of-candidates"));

        PeerTransport transport = PeerTransport.of(d);

        assertThat(transport.credentials().ufrag()).isEqualTo("vid1");
        assertThat(transport.setup()).isEqualTo(DtlsSetup.PASSIVE);
        assertThat(transport.endOfCandidates()).isTrue();
    }

    @Test
    void refusesADescriptionWithoutWhatDtlsSrtpNeeds() throws Exception {
        assertThat(reasonFor(sdp("m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=mid:0", "a=fingerprint:" + FINGERPRINT,
                "a=setup:actpass"))).isEqualTo(Reason.NO_ICE_CREDENTIALS);
        assertThat(reasonFor(sdp("m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=mid:0", "a=ice-ufrag:abcd",
                "a=ice-pwd:aPasswordOf22CharsLong", "a=setup:actpass"))).isEqualTo(Reason.NO_FINGERPRINT);
        assertThat(reasonFor(sdp("m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=mid:0", "a=ice-ufrag:abcd",
                "a=ice-pwd:aPasswordOf22CharsLong", "a=fingerprint:" + FINGERPRINT))).isEqualTo(Reason.INVALID_SETUP);
        assertThat(reasonFor(sdp("m=audio 0 UDP/TLS/RTP/SAVPF 111", "a=mid:0")))
                .isEqualTo(Reason.NO_ACCEPTABLE_MEDIA);
    }

    @Test
    void refusesAnAnswerThatNamesNoDtlsRole() throws Exception {
        PeerTransport actpassAnswer = PeerTransport.of(SessionDescription.parse(sdp("m=audio 9 UDP/TLS/RTP/SAVPF 111",
                "a=mid:0", "a=ice-ufrag:abcd", "a=ice-pwd:aPasswordOf22CharsLong", "a=fingerprint:" + FINGERPRINT,
                "a=setup:actpass")));

        assertThat(catchThrowableOfType(SdpNegotiationException.class, actpassAnswer::roleAsOfferer).reason())
                .isEqualTo(Reason.INVALID_SETUP);
    }

    private static final String FINGERPRINT = "sha-256 98:B8:43:0A:E6:37:6D:A6:CB:AB:A5:8F:CC:C0:28:F7:42:89:59:5A:4D:66:"
            + "A1:BC:F5:F1:9E:77:3E:BA:09:5E";

    private static Reason reasonFor(String sdp) throws Exception {
        SessionDescription d = SessionDescription.parse(sdp);
        return catchThrowableOfType(SdpNegotiationException.class, () -> PeerTransport.of(d)).reason();
    }

    private static String sdp(String... mediaLines) {
        return "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1\r\n"
                + String.join("\r\n", mediaLines) + "\r\n";
    }

    static SessionDescription fixture(String name) throws Exception {
        try (InputStream in = SessionDescription.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no fixture " + name + " beside SessionDescription");
            }
            return SessionDescription.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
