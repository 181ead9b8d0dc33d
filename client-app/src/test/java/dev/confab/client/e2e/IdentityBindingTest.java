package dev.confab.client.e2e;

import static dev.confab.client.e2e.E2E.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallEnd;
import dev.confab.client.core.calls.CallListener;
import dev.confab.client.core.calls.CallSignaling;
import dev.confab.client.core.calls.CallState;
import dev.confab.client.core.calls.EndReason;
import dev.confab.client.testing.Seeded;
import dev.confab.crypto.binding.BindingRole;
import dev.confab.crypto.binding.FingerprintStatement;
import dev.confab.crypto.dtls.CertificateFingerprint;
import dev.confab.crypto.dtls.DtlsCertificate;
import dev.confab.crypto.identity.IdentityKeyPair;
import dev.confab.media.call.CallSession;
import dev.confab.media.call.CallSessionConfig;
import dev.confab.media.call.CallSessionListener;
import dev.confab.media.ice.IceAgentConfig;
import dev.confab.protocol.ws.CallEndReason;
import dev.confab.protocol.ws.CallMedia;
import dev.confab.protocol.ws.ServerMessage;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The identity binding as a server in the middle would meet it: bob's device speaks the raw call protocol with
 * statements that do not hold (signed by another key, signed for another call, or an SDP whose fingerprint was
 * rewritten after bob signed it). Alice's call manager ends each call with {@link EndReason#IDENTITY_MISMATCH} before
 * its media engine sees the description, on the callee's side (the invite) and on the caller's (the accept).
 */
class IdentityBindingTest {
    @RegisterExtension
    static final Friends friends = Friends.standard();

    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
    private final ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor();
    private final SecureRandom random = Seeded.secureRandom(Seeded.next());
    private final CallRecorder aliceCalls = new CallRecorder();
    private final CallRecorder bobCalls = new CallRecorder();
    private final List<ServerMessage.CallEnded> bobHeard = new CopyOnWriteArrayList<>();
    private final List<ServerMessage.CallIncoming> incomingOffers = new CopyOnWriteArrayList<>();
    private final CallListener bobRaw = new CallListener() {
        @Override
        public void onIncoming(ServerMessage.CallIncoming incoming) {
            incomingOffers.add(incoming);
        }

        @Override
        public void onEnded(ServerMessage.CallEnded ended) {
            bobHeard.add(ended);
        }
    };
    private CallSession bobSession;

    @AfterEach
    void tearDown() {
        friends.alice().client.calls().removeObserver(aliceCalls);
        friends.bob().client.calls().removeObserver(bobCalls);
        signaling().removeListener(bobRaw);
        friends.alice().client.calls().current().ifPresent(Call::hangUp);
        friends.bob().client.calls().current().ifPresent(Call::hangUp);
        if (bobSession != null) {
            bobSession.close();
        }
        timers.shutdownNow();
        virtual.shutdownNow();
    }

    @Test
    void anInviteSignedByAnotherKeyEndsWithIdentityMismatchAndNeverRings() throws Exception {
        String callId = observeAndMakeCallId();
        String offer = bobSession().createOffer();
        String forged = statement(callId, BindingRole.OFFER, bobSession.localFingerprint())
                .sign(IdentityKeyPair.generate(random)).encode();

        invite(callId, offer, forged);

        CallEnd end = endOfAlicesCall(callId);
        assertThat(end.detail()).contains("BAD_SIGNATURE");
        assertThat(end.message("bob")).startsWith("Identity mismatch").contains("bob");
        assertThat(aliceCalls.states.get(callId)).as("it never rang").containsExactly(CallState.ENDED);
        eventually().until(() -> bobHeard.contains(new ServerMessage.CallEnded(callId, CallEndReason.DECLINED)));
    }

    @Test
    void anInviteWhoseFingerprintWasRewrittenAfterSigningEndsWithIdentityMismatch() throws Exception {
        String callId = observeAndMakeCallId();
        String offer = bobSession().createOffer();
        String signed = statement(callId, BindingRole.OFFER, bobSession.localFingerprint()).sign(bobKey()).encode();
        CertificateFingerprint substitute = DtlsCertificate.generate(random, Clock.systemUTC()).fingerprint();
        String rewritten = offer.replace(bobSession.localFingerprint().toSdpValue(), substitute.toSdpValue());
        assertThat(rewritten).isNotEqualTo(offer);

        invite(callId, rewritten, signed);

        assertThat(endOfAlicesCall(callId).detail()).contains("FINGERPRINT_MISMATCH");
    }

    @Test
    void anInviteSignedForAnotherCallIsAReplayAndEndsWithIdentityMismatch() throws Exception {
        String callId = observeAndMakeCallId();
        String offer = bobSession().createOffer();
        String replayed = statement(signaling().newCallId(), BindingRole.OFFER, bobSession.localFingerprint())
                .sign(bobKey()).encode();

        invite(callId, offer, replayed);

        assertThat(endOfAlicesCall(callId).detail()).contains("WRONG_CALL");
    }

    @Test
    void anAnswerSignedByAnotherKeyEndsTheCallersCallWithIdentityMismatch() throws Exception {
        observeAndMakeCallId();
        Call outgoing = friends.alice().client.calls().place(friends.bob().userId(), new CallAudio.Silent());
        eventually().until(() -> bobCalls.last() != null && bobCalls.last().state() == CallState.INCOMING);
        Call ringing = bobCalls.last();
        assertThat(ringing.id()).isEqualTo(outgoing.id());

        // bob's device answers through the raw protocol with a description of its own and a forged statement.
        CallSession answering = bobSession();
        String answer = answering.acceptOffer(alicesOffer(outgoing));
        String forged = new FingerprintStatement(outgoing.id(), friends.alice().userId(), friends.bob().userId(),
                BindingRole.ANSWER, answering.localFingerprint()).sign(IdentityKeyPair.generate(random)).encode();
        signaling().accept(outgoing.id(), answer, forged).get(10, TimeUnit.SECONDS);

        eventually().until(() -> aliceCalls.ends.containsKey(outgoing.id()));
        assertThat(aliceCalls.ends.get(outgoing.id()).reason()).isEqualTo(EndReason.IDENTITY_MISMATCH);
        assertThat(aliceCalls.statesOf(outgoing)).doesNotContain(CallState.CONNECTING, CallState.CONNECTED);
        eventually().until(() -> bobCalls.ends.containsKey(ringing.id()));
        assertThat(bobCalls.ends.get(ringing.id()).reason()).isEqualTo(EndReason.HUNG_UP_BY_PEER);
    }

    // ---- helpers

    private String observeAndMakeCallId() {
        friends.alice().client.calls().addObserver(aliceCalls);
        friends.bob().client.calls().addObserver(bobCalls);
        signaling().addListener(bobRaw);
        return signaling().newCallId();
    }

    private CallSession bobSession() {
        bobSession = CallSession.create(CallSessionConfig.of(IceAgentConfig.defaults().withLoopback(true),
                DtlsCertificate.generate(random, Clock.systemUTC()), timers, virtual, random), new CallSessionListener() {});
        return bobSession;
    }

    private void invite(String callId, String sdp, String signature) throws Exception {
        signaling().invite(callId, friends.alice().userId(), CallMedia.AUDIO, sdp, signature).get(10, TimeUnit.SECONDS);
    }

    private CallEnd endOfAlicesCall(String callId) {
        eventually().until(() -> aliceCalls.ends.containsKey(callId));
        CallEnd end = aliceCalls.ends.get(callId);
        assertThat(end.reason()).as(end.toString()).isEqualTo(EndReason.IDENTITY_MISMATCH);
        assertThat(friends.alice().client.calls().current()).isEmpty();
        return end;
    }

    private FingerprintStatement statement(String callId, BindingRole role, CertificateFingerprint fingerprint) {
        return new FingerprintStatement(callId, friends.bob().userId(), friends.alice().userId(), role, fingerprint);
    }

    /** The offer alice's call manager sent, as bob's device heard it. */
    private String alicesOffer(Call outgoing) {
        eventually().until(() -> incomingOffers.stream().anyMatch(i -> i.callId().equals(outgoing.id())));
        return incomingOffers.stream().filter(i -> i.callId().equals(outgoing.id())).findFirst().orElseThrow().sdp();
    }

    private IdentityKeyPair bobKey() {
        return bob().account().identity().identity();
    }

    private CallSignaling signaling() {
        return bob().calls().signaling();
    }

    private static dev.confab.client.core.ConfabClient bob() {
        return friends.bob().client;
    }
}
