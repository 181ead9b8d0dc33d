package dev.confab.client.e2e;

import static dev.confab.client.e2e.E2E.eventually;
import static dev.confab.client.e2e.E2E.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallEnd;
import dev.confab.client.core.calls.CallState;
import dev.confab.client.core.calls.EndReason;
import dev.confab.client.core.presence.Presence;
import dev.confab.client.testing.TestWavs;
import dev.confab.media.call.CallStatistics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls between live clients through the real server, on loopback: every state a person meets on both sides and every
 * way a call ends (declined, busy, no answer, cancelled, hung up either way, answered on another device, callee
 * offline), the short authentication string alike on both sides, and encrypted audio flowing both ways.
 */
class CallsTest {
    private static final int RING_SECONDS = 4;

    @RegisterExtension
    static final Friends friends = Friends.onServer(b -> b.set("calls.ring-timeout-seconds", "" + RING_SECONDS));

    @TempDir
    static Path wavs;
    static Path aliceVoice;
    static Path bobVoice;

    private final CallRecorder aliceCalls = new CallRecorder();
    private final CallRecorder bobCalls = new CallRecorder();

    @BeforeAll
    static void voices() throws Exception {
        aliceVoice = TestWavs.tone(wavs.resolve("alice.wav"), 440, 3);
        bobVoice = TestWavs.tone(wavs.resolve("bob.wav"), 660, 3);
    }

    private void observe() {
        friends.alice().client.calls().addObserver(aliceCalls);
        friends.bob().client.calls().addObserver(bobCalls);
    }

    @AfterEach
    void hangUpLeftovers() {
        for (TestUser user : List.of(friends.alice(), friends.bob())) {
            user.client.calls().removeObserver(user == friends.alice() ? aliceCalls : bobCalls);
            user.client.calls().current().ifPresent(Call::hangUp);
        }
    }

    @Test
    void aConnectedCallCarriesEncryptedAudioBothWaysAndBothSidesShowTheSameSas() {
        observe();
        Call outgoing = alice().calls().place(friends.bob().userId(), new CallAudio.Files(aliceVoice, null));
        Call incoming = ringing(bobCalls);
        assertThat(incoming.peerUserId()).isEqualTo(friends.alice().userId());
        assertThat(incoming.peerName()).isEqualTo("alice");
        eventually().until(() -> outgoing.state() == CallState.RINGING);

        incoming.answer(new CallAudio.Files(bobVoice, null));
        eventually().until(() -> outgoing.state() == CallState.CONNECTED && incoming.state() == CallState.CONNECTED);
        assertThat(outgoing.sas()).isPresent().isEqualTo(incoming.sas());
        eventually().until(() -> aliceCalls.sas.containsKey(outgoing.id()) && bobCalls.sas.containsKey(outgoing.id()));
        assertThat(aliceCalls.sas.get(outgoing.id())).isEqualTo(bobCalls.sas.get(outgoing.id()));

        eventually().until(() -> received(outgoing) >= 25 && received(incoming) >= 25);
        CallStatistics sent = outgoing.statistics().orElseThrow();
        assertThat(sent.packetsSent()).isGreaterThanOrEqualTo(25);
        assertThat(sent.srtpProtected()).as("every packet went through SRTP").isGreaterThanOrEqualTo(sent.packetsSent());
        assertThat(incoming.statistics().orElseThrow().srtpFailed()).isZero();

        outgoing.hangUp();
        assertEnded(outgoing, aliceCalls, EndReason.HUNG_UP_BY_YOU);
        assertEnded(incoming, bobCalls, EndReason.HUNG_UP_BY_PEER);
        assertThat(aliceCalls.statesOf(outgoing)).containsExactly(CallState.OUTGOING, CallState.RINGING,
                CallState.CONNECTING, CallState.CONNECTED, CallState.ENDED);
        assertThat(bobCalls.statesOf(incoming)).containsExactly(CallState.INCOMING, CallState.CONNECTING,
                CallState.CONNECTED, CallState.ENDED);
        assertThat(alice().calls().current()).isEmpty();
    }

    @Test
    void theCalleeHangsUp() {
        observe();
        Call outgoing = alice().calls().place(friends.bob().userId(), new CallAudio.Silent());
        Call incoming = ringing(bobCalls);
        incoming.answer(new CallAudio.Silent());
        eventually().until(() -> outgoing.state() == CallState.CONNECTED && incoming.state() == CallState.CONNECTED);

        incoming.hangUp();
        assertEnded(incoming, bobCalls, EndReason.HUNG_UP_BY_YOU);
        assertEnded(outgoing, aliceCalls, EndReason.HUNG_UP_BY_PEER);
    }

    @Test
    void aDeclinedCallEndsDeclinedForTheCaller() {
        observe();
        Call outgoing = alice().calls().place(friends.bob().userId(), new CallAudio.Silent());
        ringing(bobCalls).reject();
        assertEnded(outgoing, aliceCalls, EndReason.DECLINED);
        assertEnded(bobCalls.last(), bobCalls, EndReason.DECLINED_BY_YOU);
        assertThat(outgoing.end().orElseThrow().message("bob")).isEqualTo("bob declined the call.");
    }

    @Test
    void aCallCancelledWhileRingingIsMissedByTheCallee() {
        observe();
        Call outgoing = alice().calls().place(friends.bob().userId(), new CallAudio.Silent());
        Call incoming = ringing(bobCalls);
        eventually().until(() -> outgoing.state() == CallState.RINGING);
        outgoing.hangUp();
        assertEnded(outgoing, aliceCalls, EndReason.CANCELLED_BY_YOU);
        assertEnded(incoming, bobCalls, EndReason.MISSED);
    }

    @Test
    void aCallNobodyAnswersEndsNoAnswerOnBothSides() {
        observe();
        Call outgoing = alice().calls().place(friends.bob().userId(), new CallAudio.Silent());
        Call incoming = ringing(bobCalls);
        within(Duration.ofSeconds(RING_SECONDS + 10)).until(() -> outgoing.state() == CallState.ENDED);
        assertEnded(outgoing, aliceCalls, EndReason.NO_ANSWER);
        assertEnded(incoming, bobCalls, EndReason.NO_ANSWER);
    }

    @Test
    void aCallToAContactInAnotherCallIsBusyAndTheirCallGoesOn() {
        observe();
        TestUser carol = carol();
        CallRecorder carolCalls = new CallRecorder();
        carol.client.calls().addObserver(carolCalls);
        Call outgoing = alice().calls().place(friends.bob().userId(), new CallAudio.Silent());
        Call incoming = ringing(bobCalls);
        incoming.answer(new CallAudio.Silent());
        eventually().until(() -> incoming.state() == CallState.CONNECTED);

        Call fromCarol = carol.client.calls().place(friends.bob().userId(), new CallAudio.Silent());
        assertEnded(fromCarol, carolCalls, EndReason.BUSY);
        assertThat(bobCalls.calls).as("the busy call never rang").containsExactly(incoming);
        eventually().until(() -> bobCalls.ends.containsKey(fromCarol.id()));
        assertThat(bobCalls.ends.get(fromCarol.id()).reason()).as("bob is told of the call he missed")
                .isEqualTo(EndReason.MISSED_WHILE_BUSY);
        assertThat(outgoing.state()).isEqualTo(CallState.CONNECTED);
        outgoing.hangUp();
        carol.client.calls().removeObserver(carolCalls);
    }

    @Test
    void everyDeviceOfTheCalleeRingsAndTheOthersHearItWasAnsweredElsewhere() {
        observe();
        TestUser laptop = friends.signIn("bob-laptop", "bob");
        CallRecorder laptopCalls = new CallRecorder();
        laptop.client.calls().addObserver(laptopCalls);
        eventually().until(() -> laptop.client.connection().connected());

        Call outgoing = alice().calls().place(friends.bob().userId(), new CallAudio.Silent());
        Call onPhone = ringing(bobCalls);
        Call onLaptop = ringing(laptopCalls);
        assertThat(onLaptop.id()).isEqualTo(onPhone.id());
        onPhone.answer(new CallAudio.Silent());
        assertEnded(onLaptop, laptopCalls, EndReason.ANSWERED_ELSEWHERE);
        eventually().until(() -> outgoing.state() == CallState.CONNECTED && onPhone.state() == CallState.CONNECTED);
        outgoing.hangUp();
        laptop.close();
    }

    @Test
    void aContactWithNoDeviceOnlineIsUnavailable() {
        observe();
        TestUser carol = carol();
        carol.client.stop();
        eventually().until(() -> friends.bob().presenceOf(carol) == Presence.OFFLINE);
        Call outgoing = friends.bob().client.calls().place(carol.userId(), new CallAudio.Silent());
        assertEnded(outgoing, bobCalls, EndReason.UNAVAILABLE);
        carol.client.start();
    }

    // ---- helpers

    private static dev.confab.client.core.ConfabClient alice() {
        return friends.alice().client;
    }

    private static TestUser carolUser;

    /** carol, bob's contact (made once per class). */
    private static TestUser carol() {
        if (carolUser == null) {
            carolUser = friends.register("carol");
            E2E.befriend(carolUser, friends.bob());
        }
        eventually().until(() -> carolUser.client.connection().connected());
        return carolUser;
    }

    private static Call ringing(CallRecorder recorder) {
        eventually().until(() -> recorder.last() != null && recorder.last().state() == CallState.INCOMING);
        return recorder.last();
    }

    private static long received(Call call) {
        return call.statistics().map(CallStatistics::packetsReceived).orElse(0L);
    }

    private static void assertEnded(Call call, CallRecorder recorder, EndReason reason) {
        eventually().until(() -> recorder.ends.containsKey(call.id()));
        CallEnd end = recorder.ends.get(call.id());
        assertThat(end.reason()).as(end.toString()).isEqualTo(reason);
        assertThat(call.state()).isEqualTo(CallState.ENDED);
        assertThat(call.end()).hasValue(end);
        assertThat(recorder.statesOf(call)).endsWith(CallState.ENDED);
    }
}
