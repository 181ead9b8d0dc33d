package dev.confab.client.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.client.core.ClientConfig;
import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.calls.BindingPolicy;
import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallSettings;
import dev.confab.client.core.calls.CallState;
import dev.confab.client.core.store.Profile;
import dev.confab.client.testing.Seeded;
import dev.confab.client.testing.TestWavs;
import dev.confab.media.call.CallStatistics;
import dev.confab.testkit.Chromium;
import dev.confab.testkit.ChromiumOptions;
import dev.confab.testkit.ServerProcess;
import dev.confab.testkit.TestPageServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls between Confab and headless Chromium, set up through the real signaling server: a test page signs a browser
 * user up through the REST API, becomes Confab's contact and places or answers an audio call over the event
 * WebSocket; the Confab side is the {@code CallManager} of a live {@link ConfabClient}, with a tone played from a WAV
 * file as its microphone. Confab's call must reach {@link CallState#CONNECTED}, and Chromium's own {@code getStats()}
 * must report ICE and DTLS 1.2 connected with an SRTP profile Confab offers and the DTLS role JSEP gives it, in both
 * offer directions, and count the SRTP audio Confab sends.
 *
 * <p>Chromium has no Confab identity key and cannot sign the fingerprint statement: each call says so explicitly
 * ({@link BindingPolicy#UNSIGNED_BROWSER_PEER}, through {@code allowUnsignedBrowserCall} for the call Chromium places);
 * calls between Confab devices always require it.
 *
 * <p>The page uses the server as any web page would, with no browser security switched off: the server lists the
 * test page server's origin in {@code http.cors-allowed-origins}, so the page's REST calls pass CORS, and the page
 * opens the event WebSocket with {@code new WebSocket(url, ["confab.v1", "confab.bearer." + token])}, since a page
 * cannot set an {@code Authorization} header on it.
 */
class ChromiumCallInteropTest {
    private static final String PASSWORD = "correct horse battery 42";
    private static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * Chromium's {@code srtpCipher} names a profile as the IANA DTLS-SRTP registry does (RFC 5764 section 4.1.2,
     * RFC 7714 section 14.2), by its use_srtp id.
     */
    private static final Set<String> IANA_PROFILE_NAMES = Set.of("SRTP_AES128_CM_HMAC_SHA1_80",
            "SRTP_AES128_CM_HMAC_SHA1_32", "SRTP_AEAD_AES_128_GCM", "SRTP_AEAD_AES_256_GCM");

    /** What {@link #closeAll} closes, last opened first, also when setting up failed half-way. */
    private static final List<AutoCloseable> OPENED = new ArrayList<>();
    private static ServerProcess server;
    private static ConfabClient confab;
    private static Chromium chromium;
    private static String confabUserId;
    private static String browserUserId;
    private static Path tone;

    @BeforeAll
    static void confabAndABrowserUserWhoAreContacts() {
        TestPageServer pages = opened(TestPageServer.start());
        server = opened(ServerProcess.builder().set("http.cors-allowed-origins", originOf(pages.url("/"))).build())
                .start();
        long seed = Seeded.next();
        confab = opened(ConfabClient.open(ClientConfig.builder(new Profile(server.dataDir().resolve("confab-profile")))
                .serverUrl(server.baseUrl()).random(Seeded.secureRandom(seed))
                .backoffRandom(new SplittableRandom(seed))
                .calls(CallSettings.defaults().withLoopback(true).withWarmUp(false)).build()));
        try {
            tone = TestWavs.tone(server.dataDir().resolve("tone.wav"), 440, 5);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        confabUserId = confab.account().register("confab", PASSWORD, null).userId();
        confab.start();

        chromium = opened(Chromium.launch(ChromiumOptions.DEFAULTS));
        chromium.navigate(pages.putResource(ChromiumCallInteropTest.class, "confab-call-peer.html"));
        JsonNode session = chromium.evaluate("return await signUp(args[0], args[1], args[2]);", server.baseUrl(),
                "chromium", PASSWORD);
        browserUserId = session.path("userId").asText();
        chromium.evaluate("return await askContact(args[0]);", "confab");
        eventually().until(() -> confab.contacts().requests().incoming().stream()
                .anyMatch(r -> r.from().userId().equals(browserUserId)));
        confab.contacts().accept("chromium");

        JsonNode welcome = chromium.evaluate("return await openEvents();");
        assertThat(welcome.path("userId").asText()).isEqualTo(browserUserId);
        assertThat(welcome.path("subprotocol").asText()).as("the server selects the version, not the token")
                .isEqualTo("confab.v1");
        eventually().until(() -> confab.connection().connected());
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
        for (AutoCloseable resource : OPENED.reversed()) {
            resource.close();
        }
        OPENED.clear();
    }

    /** The origin ({@code scheme://host:port}) a page at {@code url} sends. */
    private static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static <T extends AutoCloseable> T opened(T resource) {
        OPENED.add(resource);
        return resource;
    }

    @Test
    void chromiumOffersAndConfabAnswers() {
        confab.calls().allowUnsignedBrowserCall(browserUserId);
        chromium.evaluate("return await callConfab(args[0]);", confabUserId);
        eventually().until(() -> confab.calls().current().map(c -> c.state() == CallState.INCOMING).orElse(false));
        Call call = confab.calls().current().orElseThrow();
        assertThat(call.binding()).isEqualTo(BindingPolicy.UNSIGNED_BROWSER_PEER);

        call.answer(new CallAudio.Files(tone, null));
        eventually().until(() -> call.state() == CallState.CONNECTED);
        JsonNode stats = chromium.evaluate("return await waitUntilSecured();");

        assertSecured(stats, "server", "Confab answered actpass with active");
        assertAudioArrives(call);
    }

    @Test
    void confabOffersAndChromiumAnswers() {
        Call call = confab.calls().place(browserUserId, new CallAudio.Files(tone, null),
                BindingPolicy.UNSIGNED_BROWSER_PEER);
        JsonNode answered = chromium.evaluate("return await answerNextCall();");
        eventually().until(() -> call.state() == CallState.CONNECTED);
        JsonNode stats = chromium.evaluate("return await waitUntilSecured();");

        assertThat(answered.path("callerUserId").asText()).isEqualTo(confabUserId);
        assertSecured(stats, "client", "Chromium answered actpass with active");
        assertAudioArrives(call);
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

    /** Confab's SRTP-protected Opus packets reach Chromium's audio receiver and pass its SRTP check. */
    private static void assertAudioArrives(Call call) {
        JsonNode stats = chromium.evaluate("return await waitForInboundPackets(args[0]);", 10);
        CallStatistics sent = call.statistics().orElseThrow();
        assertThat(stats.path("inbound").path("packetsReceived").asLong()).as(sent.toString())
                .isGreaterThanOrEqualTo(10);
        assertThat(sent.srtpProtected()).isGreaterThanOrEqualTo(sent.packetsSent());
    }

    private static org.awaitility.core.ConditionFactory eventually() {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(20));
    }
}
