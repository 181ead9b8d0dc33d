package dev.confab.client.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.client.testing.Speech;
import dev.confab.media.audio.device.WavFile;
import dev.confab.testkit.audio.Alignment;
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
 * Calls between two {@code confab} command lines that run as processes inside the lab's hosts, alice and bob each
 * behind a NAT (endpoint-independent mapping; alice also has a second uplink behind a third NAT), with the server and
 * coturn (STUN and TURN, the server handing out credentials) on the public host. Alice drives a shell ({@code --json})
 * and bob answers with {@code answer --auto}; each plays espeak-ng speech as the microphone and records what it hears.
 * One lab, server and coturn serve the whole class.
 */
class CallsAcrossNatTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int HALF_SECOND = 24_000;
    private static final int MAX_DRIFT = 4_800;
    private static final double MIN_CORRELATION = 0.9;

    @RegisterExtension
    static final NetworkLabExtension LABS = NetworkLabExtension.of(
            Topology.twoNattedPeersAndServerWithMultiHomedAlice(NatMapping.ENDPOINT_INDEPENDENT));

    @TempDir
    static Path home;
    static LabCallServer server;
    static Path aliceSays;
    static Path bobSays;

    @BeforeAll
    static void serverRelayAndTwoContactsWhoSpeak() throws Exception {
        server = LabCallServer.start(LABS.lab().host("server"), home, Map.of("ws.heartbeat-seconds", "1"));
        aliceSays = Speech.wav("Confab calls travel peer to peer, encrypted from end to end. They cross home routers "
                + "and office firewalls without asking anyone for help.", home.resolve("alice-says.wav"));
        bobSays = Speech.wav("Seven silver swans swam south over the lazy dog. The quick brown fox jumps over it, "
                + "and the dog, unbothered, keeps on sleeping in the warm afternoon sun. Then the swans fly "
                + "back north, one by one, over the hills and the rivers, singing as they go.",
                home.resolve("bob-says.wav"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void acrossTheNatsTheCallGoesStraightThroughReflexiveCandidatesAndEachHearsTheOther() throws Exception {
        JsonNode path = talk("direct", false);

        assertThat(path.get("relayed").asBoolean()).as(path.toString()).isFalse();
        assertThat(path.get("remoteType").asText()).as(path.toString()).isIn("srflx", "prflx");
    }

    @Test
    void relayOnlyTheCallGoesThroughTheTurnServerAndEachHearsTheOther() throws Exception {
        JsonNode path = talk("relayed", true);

        assertThat(path.get("relayed").asBoolean()).as(path.toString()).isTrue();
        assertThat(path.get("localType").asText()).as(path.toString()).isEqualTo("relay");
    }

    // ---- helpers

    /**
     * Alice calls bob; both talk until alice's words are done, then she reads the statistics and hangs up. Asserts both
     * recordings carry the other's words and returns the path alice's statistics named.
     */
    private static JsonNode talk(String label, boolean relayOnly) throws Exception {
        NetworkLab lab = LABS.lab();
        Path bobHeard = home.resolve(label + "-bob-heard.wav");
        Path aliceHeard = home.resolve(label + "-alice-heard.wav");
        short[] alicesWords = WavFile.read(aliceSays).samples();
        JsonNode path;
        try (LabCli bob = server.startCli(lab.host("bob"), "bob", withRelay(relayOnly, "answer", "--auto", "--timeout",
                        "60", "--mic-wav", bobSays.toString(), "--record-wav", bobHeard.toString()));
                LabCli alice = server.startCli(lab.host("alice"), "alice", withRelay(relayOnly, "--json", "shell"))) {
            try {
                bob.await("Waiting for a call", WAIT);
                alice.awaitEvent("connection", "connected", WAIT);
                alice.send("call bob --mic-wav " + aliceSays + " --record-wav " + aliceHeard);
                alice.awaitEvent("call", "connected", WAIT);
                long talkMillis = alicesWords.length / 48 + 1_000;
                await().pollDelay(Duration.ofMillis(talkMillis)).atMost(Duration.ofMillis(talkMillis + 1_000))
                        .until(() -> true);
                path = alice.stats(WAIT).get("path");
                alice.hangUpAndQuit(bob, WAIT);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n=== and bob: " + bob + server.diagnostics(), e);
            }
        }
        short[] bobsWords = WavFile.read(bobSays).samples();
        Alignment bobSide = Alignment.piecewise(alicesWords, WavFile.read(bobHeard).samples(), HALF_SECOND, MAX_DRIFT);
        short[] aliceRecording = WavFile.read(aliceHeard).samples();
        // Bob talks longer than the call: compare what alice had time to hear (the last second may be cut off).
        short[] bobsHeardPart = Arrays.copyOf(bobsWords, Math.min(bobsWords.length, aliceRecording.length - 48_000));
        Alignment aliceSide = Alignment.piecewise(bobsHeardPart, aliceRecording, HALF_SECOND, MAX_DRIFT);
        System.out.printf(Locale.ROOT, "%s call, path %s: alice -> bob correlation %.3f, level %+.2f dB, lag %d ms; "
                        + "bob -> alice correlation %.3f, level %+.2f dB, lag %d ms%n", label, path,
                bobSide.correlation(), bobSide.levelDb(), bobSide.lagSamples() / 48,
                aliceSide.correlation(), aliceSide.levelDb(), aliceSide.lagSamples() / 48);
        for (Alignment heard : new Alignment[] {bobSide, aliceSide}) {
            assertThat(heard.correlation()).as(heard.toString()).isGreaterThanOrEqualTo(MIN_CORRELATION);
            assertThat(Math.abs(heard.levelDb())).as(heard.toString()).isLessThanOrEqualTo(3.0);
        }
        assertThat(path).as("the path in alice's statistics").isNotNull();
        return path;
    }

    private static String[] withRelay(boolean relayOnly, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (relayOnly) {
            all.add("--relay-only");
        }
        return all.toArray(String[]::new);
    }
}
