package dev.confab.client.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.client.testing.Speech;
import dev.confab.media.audio.device.WavFile;
import dev.confab.media.video.capture.TestPatternDriver;
import dev.confab.testkit.audio.Alignment;
import dev.confab.testkit.net.Link;
import dev.confab.testkit.net.NatMapping;
import dev.confab.testkit.net.NetworkLab;
import dev.confab.testkit.net.NetworkLabExtension;
import dev.confab.testkit.net.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A video call between two {@code confab} command lines in the lab's hosts (alice and bob behind NATs, the server on
 * the public host) whose path shrinks: alice's uplink is limited to 500 kbit/s each way ({@code tbf}, 50 ms of queue)
 * a few seconds into the call. Alice's sender must settle under the limit within 10 s (the video's bytes on the wire
 * measured from her statistics), bob must keep hearing her words through it, and once the limit is lifted her video
 * must climb back above 1 Mbit/s.
 */
class VideoBandwidthLimitTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long LIMIT_BPS = 500_000;
    /**
     * Measured 12.6-21.9 s: without probing the estimate grows about 8% a second from where the limit left it
     * (110-200 kbit/s), as GCC's does; the issue asks that it climbs back, not how fast.
     */
    private static final Duration CLIMB_WITHIN = Duration.ofSeconds(40);
    /**
     * The estimate starts at 1 Mbit/s; a CI run once measured 493 kbit/s of video over the first 3 s (an estimate that
     * dipped at the start on a busy machine), so the limit waits for the video to be above it.
     */
    private static final Duration OPEN_WITHIN = Duration.ofSeconds(15);
    /** The recording's delay behind alice's microphone and its jitter buffer, with room to spare. */
    private static final Duration HEARD_AFTER = Duration.ofMillis(1500);
    private static final int HALF_SECOND = 24_000;
    /**
     * How far bob's delay may wander from the whole recording's: when the limit comes his jitter buffer grows by what
     * the queue and the losses showed it, then drains that a pause at a time over some 15 s (measured: 70 ms, 190 ms
     * when limited, then 150, 130, 80). On a slower machine the rise is larger (a run before the video decoder was
     * opened off the receive thread went 80, 580, 440, 210, 130 ms), and the whole recording's lag may sit at either
     * end: the ±100 ms other tests allow is too narrow.
     */
    private static final int MAX_WANDER = 14_400;

    @RegisterExtension
    static final NetworkLabExtension LABS = NetworkLabExtension.of(
            Topology.twoNattedPeersAndServer(NatMapping.ENDPOINT_INDEPENDENT));

    @TempDir
    static Path home;
    static LabCallServer server;
    static Path aliceSays;
    static short[] said;

    @BeforeAll
    static void serverAndTwoContacts() throws Exception {
        server = LabCallServer.start(LABS.lab().host("server"), home, Map.of("ws.heartbeat-seconds", "1"));
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            words.append("Confab calls travel peer to peer, encrypted from end to end, across a narrow link. ");
        }
        aliceSays = Speech.wav(words.toString(), home.resolve("alice-says.wav"));
        said = WavFile.read(aliceSays).samples();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theSenderSettlesUnderAFiveHundredKilobitLinkKeepsTheAudioAndClimbsBackWhenItIsLifted() throws Exception {
        NetworkLab lab = LABS.lab();
        Path bobHeard = home.resolve("bob-heard.wav");
        Link uplink = lab.host("alice").uplink();
        List<String> trace = new ArrayList<>();
        long connectedAt;
        long settledAt;
        try (LabCli bob = server.startCli(lab.host("bob"), "bob", "answer", "--auto", "--timeout", "60",
                        "--record-wav", bobHeard.toString());
                LabCli alice = server.startCli(lab.host("alice"), "alice", "--json", "shell")) {
            try {
                bob.await("Waiting for a call", WAIT);
                alice.awaitEvent("connection", "connected", WAIT);
                alice.send("call bob --mic-wav " + aliceSays + " --camera '" + TestPatternDriver.DEFAULT_NAME + "'");
                alice.awaitEvent("call", "connected", WAIT);
                connectedAt = System.nanoTime();
                Rate open = null;
                while (open == null && System.nanoTime() - connectedAt < OPEN_WITHIN.toNanos()) {
                    Rate rate = rateOver(alice, Duration.ofSeconds(1), trace, "open");
                    open = rate.bps > LIMIT_BPS ? rate : null;
                }
                assertThat(open).as("video above the limit on the open path within " + OPEN_WITHIN.toSeconds()
                        + " s of connecting, before the limit: " + trace).isNotNull();

                uplink.limitRate(LIMIT_BPS);
                long limited = System.nanoTime();
                Rate settled = null;
                while (System.nanoTime() - limited < Duration.ofSeconds(15).toNanos()) {
                    Rate rate = rateOver(alice, Duration.ofSeconds(1), trace, "limited");
                    if (rate.totalBps < LIMIT_BPS * 0.95) {
                        settled = rate;
                        break;
                    }
                }
                settledAt = System.nanoTime();
                double settledAfter = (settledAt - limited) / 1e9;
                assertThat(settled).as("under the limit within 15 s: " + trace).isNotNull();
                assertThat(settledAfter).as("seconds to settle: " + trace).isLessThanOrEqualTo(10.0);
                Rate held = rateOver(alice, Duration.ofSeconds(4), trace, "held");
                // The wire rate is estimated from the sender's counters (audio's header extensions taken as 24 bytes)
                // over the span between two stats calls: it reads up to ~1% off (a CI run held at 500.4 kbit/s).
                assertThat(held.totalBps).as("stays under the limit: " + trace).isLessThan(LIMIT_BPS * 1.02);

                uplink.removeRateLimit();
                long lifted = System.nanoTime();
                Rate climbed = null;
                while (System.nanoTime() - lifted < CLIMB_WITHIN.toNanos()) {
                    Rate rate = rateOver(alice, Duration.ofSeconds(1), trace, "lifted");
                    if (rate.bps > 2 * LIMIT_BPS) {
                        climbed = rate;
                        break;
                    }
                }
                System.out.printf(Locale.ROOT, "settled under %d kbit/s after %.1f s, climbed back after %.1f s: %s%n",
                        LIMIT_BPS / 1000, settledAfter, (System.nanoTime() - lifted) / 1e9, trace);
                assertThat(climbed).as("above 1 Mbit/s within " + CLIMB_WITHIN.toSeconds() + " s of the limit lifted: "
                        + trace).isNotNull();
                // Bob records until the call ends: it must last until he has heard all alice says.
                Duration speech = Duration.ofMillis(said.length / 48);
                await().atMost(speech.plus(WAIT)).until(
                        () -> System.nanoTime() - connectedAt > speech.plus(HEARD_AFTER).toNanos());
                alice.hangUpAndQuit(bob, WAIT);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n=== and bob: " + bob + server.diagnostics(), e);
            } finally {
                uplink.removeRateLimit();
            }
        }
        short[] heard = WavFile.read(bobHeard).samples();
        // The source must be shorter than the recording by more than the delay, or the alignment is forced to no lag.
        assertThat(heard.length).as("bob's recording is longer than what alice said").isGreaterThan(said.length);
        Alignment all = Alignment.wandering(said, heard, HALF_SECOND, MAX_WANDER);
        // Judged from a second after the sender settled under the limit (bob's recording starts when the call connects,
        // within a few hundred ms of alice's "connected"): how long the set-up and the settling took varies by machine.
        double settledSecondsIntoCall = (settledAt - connectedAt) / 1e9 + 1.0;
        int settled = Math.min((int) (settledSecondsIntoCall * 48_000), said.length / 2);
        Alignment afterSettling = Alignment.wandering(Arrays.copyOfRange(said, settled, said.length),
                Arrays.copyOfRange(heard, settled, heard.length), HALF_SECOND, MAX_WANDER);
        System.out.println("alice -> bob through the narrow link: " + all + "; once settled: " + afterSettling);
        // The limit's first second drops what the link cannot take, audio too (no pacer or priority queue yet): only
        // the part after settling is judged. Over the whole call bob's recording measured 0.93-0.95.
        assertThat(afterSettling.correlation()).as("once settled the audio is whole: " + afterSettling)
                .isGreaterThanOrEqualTo(0.85);
    }

    /** Alice's video and total send rates over {@code span}, from her statistics before and after. */
    private static Rate rateOver(LabCli alice, Duration span, List<String> trace, String phase) {
        JsonNode before = alice.stats(WAIT);
        long from = System.nanoTime();
        await().pollDelay(span).atMost(span.plusSeconds(1)).until(() -> true);
        JsonNode after = alice.stats(WAIT);
        double seconds = (System.nanoTime() - from) / 1e9;
        long video = after.get("videoBytesSent").asLong() - before.get("videoBytesSent").asLong();
        long audio = after.get("payloadBytesSent").asLong() - before.get("payloadBytesSent").asLong();
        long videoPackets = after.get("videoPacketsSent").asLong() - before.get("videoPacketsSent").asLong();
        long audioPackets = after.get("packetsSent").asLong() - before.get("packetsSent").asLong();
        // As tbf counts them: video's RTP packets and audio's Opus with its RTP header and extensions (about 24
        // bytes), each with the SRTP tag (16), IPv4 and UDP (28) and Ethernet (14).
        long wireBytes = video + audio + audioPackets * 24 + (videoPackets + audioPackets) * (16 + 28 + 14);
        Rate rate = new Rate(video * 8 / seconds, wireBytes * 8 / seconds, after.get("videoSendBitrate").asLong());
        trace.add(String.format(Locale.ROOT, "%s %.0f/%.0f kbit/s (target %d)", phase, rate.bps / 1000,
                rate.totalBps / 1000, rate.targetBps / 1000));
        return rate;
    }

    /** Send rates: video's RTP bytes, everything on the wire, and the video encoder's target. */
    private record Rate(double bps, double totalBps, long targetBps) {
    }
}
