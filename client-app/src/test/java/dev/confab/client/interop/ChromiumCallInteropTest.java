package dev.confab.client.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.calls.BindingPolicy;
import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallState;
import dev.confab.media.audio.device.PcmAudio;
import dev.confab.media.audio.device.WavFile;
import dev.confab.media.call.CallStatistics;
import dev.confab.testkit.Chromium;
import dev.confab.testkit.ChromiumOptions;
import dev.confab.testkit.audio.Alignment;
import dev.confab.testkit.audio.Speech;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls between Confab and headless Chromium, set up through the real signaling server: a test page signs a browser
 * user up through the REST API, becomes Confab's contact and places or answers an audio call over the event
 * WebSocket; the Confab side is the {@code CallManager} of a live {@link ConfabClient}. Each side speaks words made by
 * espeak-ng: Confab plays a WAV file as its microphone, Chromium's fake microphone plays another in a loop and the page
 * sends it (voice processing off) and records what it receives with a {@code MediaStreamTrackProcessor}: Chromium's
 * decoded frames themselves, at 48 kHz. Confab's call must reach {@link CallState#CONNECTED}, and Chromium's own {@code getStats()} must report
 * ICE and DTLS 1.2 connected with an SRTP profile Confab offers and the DTLS role JSEP gives it, in both offer
 * directions. Then each side must have decoded the other's audio: Chromium's inbound-rtp counts the samples with
 * little concealment, Confab's statistics count packets played, every packet went through SRTP, and each side's
 * recording carries the other side's words (aligned per 200 ms as PESQ aligns per utterance).
 *
 * <p>Chromium has no Confab identity key and cannot sign the fingerprint statement: each call says so explicitly
 * ({@link BindingPolicy#UNSIGNED_BROWSER_PEER}, through {@code allowUnsignedBrowserCall} for the call Chromium places);
 * calls between Confab devices always require it.
 *
 * <p>The page opens the event WebSocket with {@code new WebSocket(url, ["confab.v1", "confab.bearer." + token])},
 * since a page cannot set an {@code Authorization} header on it ({@link ChromiumContact} sets the pair up).
 */
class ChromiumCallInteropTest {
    private static final String CONFAB_SAYS = "Confab calls travel peer to peer.";
    private static final String CHROMIUM_SAYS = "Hello from Chromium.";
    /**
     * A second of silence before Confab's words: Chromium's NetEq stretches its delay by up to ~60 ms and back in a
     * call's first second while it adapts, which the alignment windows follow only in part (words from the first
     * instant measured 0.87-0.90 at Chromium per half second, 0.94 per 200 ms; 0.97 after this pause), and people
     * rarely speak the instant a call connects either.
     */
    private static final int CONFAB_LEAD_IN_SAMPLES = 48_000;
    /** Silence after Chromium's words, so its fake microphone's loop has a seam the alignment can see. */
    private static final int LOOP_GAP_SAMPLES = 24_000;
    /** How long both sides talk: Confab's pause and words with room for the delay, and two loops of Chromium's. */
    private static final double TALK_SECONDS = 6;
    /**
     * Alignment windows of 200 ms, followed up to 100 ms either way: PESQ aligns per utterance and splits an utterance
     * where the delay changes within it. Shorter windows keep a single stall of this shared two-core machine (100-200
     * ms concealed on both sides at once, seen under load average 6) from taking a whole half second of words with it.
     * Two unrelated espeak-ng sentences correlate 0.31 so aligned (0.24 per half second).
     */
    private static final int WINDOW = 9_600;
    private static final int MAX_DRIFT = 4_800;
    /**
     * Measured here (loopback, load average 3-9 on two cores): 0.97 both ways in both directions, level within 0.3 dB;
     * 0.71 (per half second) once when the machine stalled mid-words. The 0.9 is for Confab-to-Confab calls;
     * this bound leaves room for such a stall and stays far above the 0.31 of unrelated speech.
     */
    private static final double MIN_CORRELATION = 0.8;
    /**
     * Chromium's {@code srtpCipher} names a profile as the IANA DTLS-SRTP registry does (RFC 5764 section 4.1.2,
     * RFC 7714 section 14.2), by its use_srtp id.
     */
    private static final Set<String> IANA_PROFILE_NAMES = Set.of("SRTP_AES128_CM_HMAC_SHA1_80",
            "SRTP_AES128_CM_HMAC_SHA1_32", "SRTP_AEAD_AES_128_GCM", "SRTP_AEAD_AES_256_GCM");

    private static ChromiumContact peers;
    private static ConfabClient confab;
    private static Chromium chromium;
    private static String confabUserId;
    private static String browserUserId;
    private static Path confabSays;
    private static Path chromiumSays;

    @BeforeAll
    static void confabAndABrowserUserWhoAreContacts() throws Exception {
        Path words = Files.createTempDirectory("confab-interop-words");
        confabSays = spoken(CONFAB_SAYS, CONFAB_LEAD_IN_SAMPLES, 0, words.resolve("confab-says.wav"));
        chromiumSays = spoken(CHROMIUM_SAYS, 0, LOOP_GAP_SAMPLES, words.resolve("chromium-says.wav"));
        peers = ChromiumContact.start(ChromiumOptions.DEFAULTS.withFakeAudioCapture(chromiumSays)
                .withExtraFlags(List.of("--autoplay-policy=no-user-gesture-required")));
        confab = peers.confab();
        chromium = peers.chromium();
        confabUserId = peers.confabUserId();
        browserUserId = peers.browserUserId();
    }

    @AfterEach
    void hangUpOnBothSides() {
        if (chromium != null) {
            chromium.evaluate("if (call) { await hangUp(); }");
        }
        if (confab != null) {
            confab.calls().current().ifPresent(Call::hangUp);
        }
    }

    @AfterAll
    static void closeAll() throws Exception {
        if (peers != null) {
            peers.close();
        }
    }

    /** Writes {@code text} spoken, with {@code before} and {@code after} samples of silence, to {@code wav}. */
    private static Path spoken(String text, int before, int after, Path wav) throws IOException, InterruptedException {
        short[] words = Speech.pcm48k(text);
        short[] padded = new short[before + words.length + after];
        System.arraycopy(words, 0, padded, before, words.length);
        WavFile.write(wav, PcmAudio.mono48k(padded));
        return wav;
    }

    @Test
    void chromiumOffersAndConfabAnswers() throws Exception {
        Path heard = peers.server().dataDir().resolve("confab-heard-when-answering.wav");
        confab.calls().allowUnsignedBrowserCall(browserUserId);
        chromium.evaluate("return await callConfab(args[0]);", confabUserId);
        eventually().until(() -> confab.calls().current().map(c -> c.state() == CallState.INCOMING).orElse(false));
        Call call = confab.calls().current().orElseThrow();
        assertThat(call.binding()).isEqualTo(BindingPolicy.UNSIGNED_BROWSER_PEER);

        call.answer(new CallAudio.Files(confabSays, heard));
        eventually().until(() -> call.state() == CallState.CONNECTED);
        JsonNode stats = chromium.evaluate("return await waitUntilSecured();");

        assertSecured(stats, "server", "Confab answered actpass with active");
        assertBothHearEachOther(call, heard, "Chromium offers");
    }

    @Test
    void confabOffersAndChromiumAnswers() throws Exception {
        Path heard = peers.server().dataDir().resolve("confab-heard-when-calling.wav");
        Call call = confab.calls().place(browserUserId, new CallAudio.Files(confabSays, heard),
                BindingPolicy.UNSIGNED_BROWSER_PEER);
        JsonNode answered = chromium.evaluate("return await answerNextCall();");
        eventually().until(() -> call.state() == CallState.CONNECTED);
        JsonNode stats = chromium.evaluate("return await waitUntilSecured();");

        assertThat(answered.path("callerUserId").asText()).isEqualTo(confabUserId);
        assertThat(answered.path("answer").asText()).as("Chromium sends its microphone").contains("a=sendrecv");
        assertSecured(stats, "client", "Chromium answered actpass with active");
        assertBothHearEachOther(call, heard, "Confab offers");
    }

    /** Chromium's own view of the transport: connected, over DTLS 1.2, with a profile Confab offers. */
    private static void assertSecured(JsonNode stats, String chromiumDtlsRole, String why) {
        JsonNode transport = stats.path("transport");
        assertThat(transport.path("iceState").asText()).as(stats.toString()).isIn("connected", "completed");
        assertThat(transport.path("dtlsState").asText()).as(stats.toString()).isEqualTo("connected");
        assertThat(transport.path("srtpCipher").asText()).as(stats.toString()).isIn(IANA_PROFILE_NAMES);
        assertThat(transport.path("tlsVersion").asText()).as("DTLS 1.2: " + stats).isEqualTo("FEFD");
        assertThat(transport.path("dtlsRole").asText()).as(why + ": " + stats).isEqualTo(chromiumDtlsRole);
    }

    /**
     * Lets both sides talk until Chromium recorded all of Confab's words and Confab twice Chromium's looping ones, hangs
     * up, and checks each side decoded the other's audio: Chromium's statistics and Confab's count it, every packet went
     * through SRTP both ways, and each recording carries the other side's words.
     */
    private static void assertBothHearEachOther(Call call, Path confabHeard, String direction) throws Exception {
        JsonNode received = chromium.evaluate("return await recordReceivedAudio(args[0]);", TALK_SECONDS);
        CallStatistics confabStats = call.statistics().orElseThrow();
        call.hangUp(); // Confab's recording is complete when this returns.
        short[] chromiumHeard = pcm(received.path("pcm").asText());
        Alignment atChromium = Alignment.piecewise(WavFile.read(confabSays).samples(), chromiumHeard, WINDOW,
                MAX_DRIFT);
        Alignment atConfab = Alignment.piecewise(WavFile.read(chromiumSays).samples(),
                WavFile.read(confabHeard).samples(), WINDOW, MAX_DRIFT);
        JsonNode inbound = received.path("inbound");
        System.out.printf(Locale.ROOT, "%s: Confab -> Chromium correlation %.3f, level %+.2f dB; "
                        + "Chromium -> Confab correlation %.3f, level %+.2f dB; Chromium inbound %s outbound %s; "
                        + "Confab %s%n", direction, atChromium.correlation(), atChromium.levelDb(),
                atConfab.correlation(), atConfab.levelDb(), inbound, received.path("outbound"), confabStats);

        assertThat(received.path("sampleRate").asInt()).isEqualTo(48_000);
        assertThat(inbound.path("packetsReceived").asLong()).as(inbound.toString()).isGreaterThanOrEqualTo(100);
        assertThat(inbound.path("totalSamplesReceived").asLong()).as(inbound.toString())
                .isGreaterThanOrEqualTo((long) (TALK_SECONDS * 48_000 / 2));
        long concealed = inbound.path("concealedSamples").asLong() - inbound.path("silentConcealedSamples").asLong();
        assertThat(concealed).as("Chromium concealed no more than a tenth: " + inbound)
                .isLessThanOrEqualTo(inbound.path("totalSamplesReceived").asLong() / 10);
        assertThat(received.path("outbound").path("packetsSent").asLong()).isGreaterThanOrEqualTo(100);
        assertThat(confabStats.packetsReceived()).as(confabStats.toString()).isGreaterThanOrEqualTo(100);
        assertThat(confabStats.framesPlayed()).as(confabStats.toString()).isGreaterThanOrEqualTo(100);
        assertThat(confabStats.srtpProtected()).as(confabStats.toString())
                .isGreaterThanOrEqualTo(confabStats.packetsSent());
        assertThat(confabStats.srtpUnprotected()).as(confabStats.toString())
                .isGreaterThanOrEqualTo(confabStats.packetsReceived());
        assertThat(confabStats.srtpFailed()).as(confabStats.toString()).isZero();
        for (Alignment heard : new Alignment[] {atChromium, atConfab}) {
            assertThat(heard.correlation()).as(direction + ": " + heard).isGreaterThanOrEqualTo(MIN_CORRELATION);
            assertThat(Math.abs(heard.levelDb())).as(direction + ": " + heard).isLessThanOrEqualTo(3.0);
        }
    }

    private static short[] pcm(String base64) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        short[] samples = new short[bytes.remaining() / 2];
        bytes.asShortBuffer().get(samples);
        return samples;
    }

    private static org.awaitility.core.ConditionFactory eventually() {
        return ChromiumContact.eventually();
    }
}
