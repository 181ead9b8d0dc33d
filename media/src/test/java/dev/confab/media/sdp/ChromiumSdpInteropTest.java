package dev.confab.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.crypto.dtls.DtlsSetup;
import dev.confab.testkit.Chromium;
import dev.confab.testkit.TestPageServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Confab's SDP against real headless Chromium: Chromium's offer parses and, written back by Confab, is accepted by
 * another Chromium peer; Chromium accepts Confab's answer to its offer; Chromium answers Confab's offer and Confab
 * reads the answer. Run with {@code -Dconfab.sdp.fixtures=DIR} to save the offer and answer seen as fixtures.
 */
class ChromiumSdpInteropTest {
    private static TestPageServer pages;
    private static Chromium chromium;

    @BeforeAll
    static void openPeerPage() {
        pages = TestPageServer.start();
        chromium = Chromium.launch();
        chromium.navigate(pages.putResource(ChromiumSdpInteropTest.class, "webrtc-peer.html"));
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
        if (pages != null) {
            pages.close();
        }
    }

    @Test
    void chromiumsOfferParsesAndConfabsRewriteOfItIsAccepted() throws Exception {
        String text = chromium.evaluate("return await offerAudioAndVideo('offerer');").asText();
        save("chromium-offer.sdp", text);

        SessionDescription offer = SessionDescription.parse(text);

        ChromiumOfferAssertions.assertChromiumOffer(offer);
        SessionDescription.parse(offer.toSdp());
        var accepted = chromium.evaluate("return await acceptOffer('reader', args[0]);", offer.toSdp());
        assertThat(accepted.path("signalingState").asText()).isEqualTo("have-remote-offer");
        SessionDescription chromiumsAnswer = SessionDescription.parse(accepted.path("answer").asText());
        assertThat(chromiumsAnswer.media()).extracting(m -> m.mid().orElseThrow()).containsExactly("0", "1");
        assertThat(chromiumsAnswer.setupFor(chromiumsAnswer.media().getFirst())).contains(DtlsSetup.ACTIVE);
    }

    @Test
    void chromiumAcceptsConfabsAnswerToItsOffer() throws Exception {
        SessionDescription offer = SessionDescription.parse(
                chromium.evaluate("return await offerAudioAndVideo('caller');").asText());
        AnswerOptions options = AnswerOptions.of(42, TestTransports.transport(1), TestTransports.OPUS_VP8)
                .withDirections(Map.of(MediaDescription.VIDEO, Direction.RECVONLY));

        SessionDescription answer = JsepAnswers.create(offer, options);

        var applied = chromium.evaluate("return await applyAnswer('caller', args[0]);", answer.toSdp());
        assertThat(applied.path("signalingState").asText()).isEqualTo("stable");
        assertThat(applied.path("transceivers").findValuesAsText("mid")).containsExactly("0", "1");
        assertThat(applied.path("transceivers").findValuesAsText("currentDirection"))
                .as("Confab receives video only, so Chromium only sends it").containsExactly("sendrecv", "sendonly");
    }

    @Test
    void chromiumAnswersConfabsOfferAndConfabReadsTheAnswer() throws Exception {
        LocalTransport transport = TestTransports.transport(2);
        SessionDescription offer = JsepOffers.create(7, transport, TestTransports.audioAndVideo());

        String text = chromium.evaluate("return await answerOffer('callee', args[0]);", offer.toSdp()).asText();
        save("chromium-answer.sdp", text);
        SessionDescription answer = SessionDescription.parse(text);

        ChromiumAnswerAssertions.assertChromiumAnswer(answer);
    }

    private static void save(String name, String sdp) throws IOException {
        String dir = System.getProperty("confab.sdp.fixtures");
        if (dir != null) {
            Files.writeString(Path.of(dir).resolve(name), sdp);
        }
    }
}
