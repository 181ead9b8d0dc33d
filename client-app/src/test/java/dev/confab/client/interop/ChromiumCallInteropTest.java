package dev.confab.client.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.client.core.ClientConfig;
import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.store.Profile;
import dev.confab.client.testing.Seeded;
import dev.confab.crypto.dtls.DtlsHandshakeResult;
import dev.confab.crypto.dtls.DtlsRole;
import dev.confab.media.transport.CandidateSkip;
import dev.confab.testkit.Chromium;
import dev.confab.testkit.ChromiumOptions;
import dev.confab.testkit.ServerProcess;
import dev.confab.testkit.TestPageServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DTLS over ICE between Confab and headless Chromium, set up through the real signaling server: a test page signs a
 * browser user up through the REST API, becomes Confab's contact and places or answers an audio call over the event
 * WebSocket; the Confab side is {@link ConfabCallSide} on a live {@link ConfabClient}. Chromium's own
 * {@code getStats()} must report ICE and DTLS connected and the SRTP profile Confab negotiated, in both offer
 * directions, and count the SRTP audio Confab sends. Chromium does not sign its fingerprint: the Confab side does not
 * require the binding from a browser (see {@link ConfabCallSide}).
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
    private static final Map<Integer, String> IANA_PROFILE_NAMES = Map.of(
            0x0001, "SRTP_AES128_CM_HMAC_SHA1_80",
            0x0002, "SRTP_AES128_CM_HMAC_SHA1_32",
            0x0007, "SRTP_AEAD_AES_128_GCM",
            0x0008, "SRTP_AEAD_AES_256_GCM");

    /** What {@link #closeAll} closes, last opened first, also when setting up failed half-way. */
    private static final List<AutoCloseable> OPENED = new ArrayList<>();
    private static ServerProcess server;
    private static ConfabClient confab;
    private static Chromium chromium;
    private static String confabUserId;
    private static String browserUserId;

    @BeforeAll
    static void confabAndABrowserUserWhoAreContacts() {
        TestPageServer pages = opened(TestPageServer.start());
        server = opened(ServerProcess.builder().set("http.cors-allowed-origins", originOf(pages.url("/"))).build())
                .start();
        long seed = Seeded.next();
        confab = opened(ConfabClient.open(ClientConfig.builder(new Profile(server.dataDir().resolve("confab-profile")))
                .serverUrl(server.baseUrl()).random(Seeded.secureRandom(seed))
                .backoffRandom(new SplittableRandom(seed)).build()));
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
    void hangUpInTheBrowser() {
        if (chromium != null) {
            chromium.evaluate("if (call) { await hangUp(); }");
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
    void chromiumOffersAndConfabAnswers() throws Exception {
        try (ConfabCallSide side = ConfabCallSide.answering(confab, Seeded.next())) {
            chromium.evaluate("return await callConfab(args[0]);", confabUserId);

            DtlsHandshakeResult confabResult = side.secured().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            JsonNode stats = chromium.evaluate("return await waitUntilSecured();");

            assertThat(confabResult.role()).as("Confab answered actpass with active").isEqualTo(DtlsRole.CLIENT);
            assertSecuredAlike(stats, confabResult);
            assertAudioArrives(side);
            assertThat(side.remoteCandidates().skippedCounts().keySet())
                    .as("only TCP candidates are skipped, among %s", side.heardCandidates())
                    .isSubsetOf(CandidateSkip.TCP);
            assertThat(side.unreadCandidates()).isEmpty();
        }
    }

    @Test
    void confabOffersAndChromiumAnswers() throws Exception {
        try (ConfabCallSide side = ConfabCallSide.calling(confab, browserUserId, Seeded.next())) {
            JsonNode answered = chromium.evaluate("return await answerNextCall();");

            DtlsHandshakeResult confabResult = side.secured().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            JsonNode stats = chromium.evaluate("return await waitUntilSecured();");

            assertThat(answered.path("callerUserId").asText()).isEqualTo(confabUserId);
            assertThat(confabResult.role()).as("Chromium answered actpass with active").isEqualTo(DtlsRole.SERVER);
            assertSecuredAlike(stats, confabResult);
            assertAudioArrives(side);
            assertThat(side.unreadCandidates()).isEmpty();
        }
    }

    /** Chromium's own view of the transport: connected, over DTLS 1.2, with the profile Confab negotiated. */
    private static void assertSecuredAlike(JsonNode stats, DtlsHandshakeResult confabResult) {
        JsonNode transport = stats.path("transport");
        assertThat(transport.path("iceState").asText()).as(stats.toString()).isIn("connected", "completed");
        assertThat(transport.path("dtlsState").asText()).as(stats.toString()).isEqualTo("connected");
        assertThat(transport.path("srtpCipher").asText()).as(stats.toString())
                .isEqualTo(IANA_PROFILE_NAMES.get(confabResult.srtpKeys().profile().useSrtpId()));
        assertThat(transport.path("tlsVersion").asText()).as("DTLS 1.2: " + stats).isEqualTo("FEFD");
        assertThat(transport.path("dtlsRole").asText()).as(stats.toString())
                .isEqualTo(confabResult.role() == DtlsRole.CLIENT ? "server" : "client");
    }

    /** Confab's SRTP-protected Opus packets reach Chromium's audio receiver and pass its SRTP check. */
    private static void assertAudioArrives(ConfabCallSide side) {
        side.startSendingAudio();
        JsonNode stats = chromium.evaluate("return await waitForInboundPackets(args[0]);", 10);
        assertThat(stats.path("inbound").path("ssrc").asLong()).as(side.audioCounts()).isEqualTo(ConfabCallSide.SSRC);
        assertThat(stats.path("inbound").path("packetsReceived").asLong()).as(side.audioCounts())
                .isGreaterThanOrEqualTo(10);
    }

    private static org.awaitility.core.ConditionFactory eventually() {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(20));
    }
}
