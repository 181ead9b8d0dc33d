package dev.confab.client.core.calls;

import dev.confab.client.core.api.ApiException;
import dev.confab.crypto.binding.BindingRole;
import dev.confab.crypto.dtls.DtlsHandshakeResult;
import dev.confab.media.call.CallMediaState;
import dev.confab.media.call.CallNegotiationException;
import dev.confab.media.call.CallSession;
import dev.confab.media.call.CallSessionListener;
import dev.confab.media.call.CandidateTrickle;
import dev.confab.media.call.MediaFailure;
import dev.confab.media.video.capture.CameraException;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ws.CallEndReason;
import dev.confab.protocol.ws.IceCandidate;
import dev.confab.protocol.ws.SdpKind;
import dev.confab.protocol.ws.ServerMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's state machine: the signaling of this call and its {@link CallSession} wired together. The caller's
 * offer goes in the invite and its candidates trickle once the invite went out; the callee keeps the caller's
 * candidates while it rings and gives them to its session when the person answers; the answer goes in the accept.
 * Every SDP sent is signed and every SDP received is checked against the peer's pinned identity key before the
 * session sees it. ICE restarts travel as {@code call.sdp} offer and answer. A media failure hangs up.
 *
 * <p>Thread contract: confined to the call manager's serial thread; the session's callbacks and the futures of sent
 * messages are handed back to it.
 */
final class CallFlow implements CallSessionListener {
    private static final Logger log = LoggerFactory.getLogger(CallFlow.class);
    private static final int MAX_HELD_CANDIDATES = 64;
    /** How long the event connection has to prove itself alive once the media path broke. */
    static final Duration CONNECTION_CHECK = Duration.ofSeconds(1);
    /** How often an ICE restart's re-offer goes out again while its answer is missing. */
    static final Duration REOFFER_AGAIN_EVERY = Duration.ofMillis(500);

    private final Call call;
    private final CallContext ctx;
    private final Consumer<CallFlow> onEnded;
    private final CandidateTrickle localCandidates = new CandidateTrickle(this::sendCandidate);
    private final List<ServerMessage.CallCandidate> heldRemote = new ArrayList<>();
    private CallSession session;
    private CallAudio audio;
    private CallAudio.Running running;
    private CallVideo video = CallVideo.none();
    private CallVideo.Running runningVideo;
    private String peerDeviceId;
    private String offerSdp;
    private String offerSignature;
    private String lastCandidateSent;
    private ScheduledFuture<?> reofferAgain;

    CallFlow(Call call, CallContext ctx, Consumer<CallFlow> onEnded) {
        this.call = call;
        this.ctx = ctx;
        this.onEnded = onEnded;
    }

    Call call() {
        return call;
    }

    boolean ended() {
        return call.state() == CallState.ENDED;
    }

    // ---- the caller's side

    /** Makes the offer and sends the invite; the call then waits in {@link CallState#OUTGOING}. */
    void invite(CallAudio chosen, CallVideo chosenVideo) {
        audio = chosen;
        video = chosenVideo;
        fire(CallState.OUTGOING);
        openSession();
        String offer = session.createOffer();
        String signature = ctx.binding().sign(call.parties(), BindingRole.OFFER, session.localFingerprint());
        endUnlessSent(ctx.signaling().invite(call.id(), call.peerUserId(), call.media(), offer, signature));
        localCandidates.descriptionSent();
    }

    void ringing(ServerMessage.CallRinging ringing) {
        if (call.state() == CallState.OUTGOING) {
            setState(CallState.RINGING);
        }
    }

    void accepted(ServerMessage.CallAccepted accepted) {
        if (call.direction() != CallDirection.OUTGOING || call.state().answered() || ended()) {
            return;
        }
        peerDeviceId = accepted.deviceId();
        try {
            checkPeer(BindingRole.ANSWER, accepted.sdp(), accepted.signature());
            session.acceptAnswer(accepted.sdp());
        } catch (EndCall e) {
            leave(e.end());
            return;
        } catch (CallNegotiationException e) {
            leave(CallEnd.of(EndReason.FAILED, e.getMessage()));
            return;
        }
        setState(CallState.CONNECTING);
        List<ServerMessage.CallCandidate> held = List.copyOf(heldRemote);
        heldRemote.clear();
        held.forEach(this::candidate);
    }

    // ---- the callee's side

    /** A call rings this device: its statement is checked at once, then the device rings. */
    void incoming(ServerMessage.CallIncoming incoming) {
        peerDeviceId = incoming.callerDeviceId();
        offerSdp = incoming.sdp();
        offerSignature = incoming.signature();
        try {
            checkPeer(BindingRole.OFFER, offerSdp, offerSignature);
        } catch (EndCall e) {
            leave(e.end());
            return;
        }
        whenSent(ctx.signaling().ringing(call.id()));
        fire(CallState.INCOMING);
    }

    /** The person answers: the session takes the offer (and the candidates held meanwhile), the accept goes out. */
    void answer(CallAudio chosen, CallVideo chosenVideo) {
        if (call.state() != CallState.INCOMING) {
            throw new IllegalStateException("The call is not ringing here (" + call.state() + ").");
        }
        chosen.check();
        if (chosenVideo.sends()) {
            chosenVideo.check(ctx.cameras().get());
        }
        audio = chosen;
        video = chosenVideo;
        openSession();
        String answer;
        try {
            answer = session.acceptOffer(offerSdp);
        } catch (CallNegotiationException e) {
            leave(CallEnd.of(EndReason.FAILED, e.getMessage()));
            return;
        }
        String signature = ctx.binding().sign(call.parties(), BindingRole.ANSWER, session.localFingerprint());
        endUnlessSent(ctx.signaling().accept(call.id(), answer, signature));
        setState(CallState.CONNECTING);
        localCandidates.descriptionSent();
        List<ServerMessage.CallCandidate> held = List.copyOf(heldRemote);
        heldRemote.clear();
        held.forEach(this::candidate);
    }

    /** The person declines the ringing call. */
    void reject() {
        if (call.state() != CallState.INCOMING) {
            throw new IllegalStateException("The call is not ringing here (" + call.state() + ").");
        }
        leave(CallEnd.of(EndReason.DECLINED_BY_YOU));
    }

    // ---- both sides

    /** The person ends the call, whatever its state; completes when the server took the hangup. */
    CompletableFuture<Void> hangUp() {
        return switch (call.state()) {
            case OUTGOING, RINGING -> leave(CallEnd.of(EndReason.CANCELLED_BY_YOU));
            case INCOMING -> leave(CallEnd.of(EndReason.DECLINED_BY_YOU));
            case CONNECTING, CONNECTED, RECONNECTING -> leave(CallEnd.of(EndReason.HUNG_UP_BY_YOU));
            case ENDED -> CompletableFuture.completedFuture(null);
        };
    }

    void candidate(ServerMessage.CallCandidate trickled) {
        boolean fromPeer = peerDeviceId != null && peerDeviceId.equals(trickled.fromDeviceId());
        if (session == null || !call.state().answered() && call.direction() == CallDirection.OUTGOING) {
            if (heldRemote.size() < MAX_HELD_CANDIDATES) {
                heldRemote.add(trickled);
            }
        } else if (fromPeer) {
            session.addRemoteCandidate(trickled.candidate().candidate());
        }
    }

    /** A renegotiation (ICE restart) from the peer: checked like the first description. */
    void sdp(ServerMessage.CallSdp message) {
        if (!call.state().answered() || !message.fromDeviceId().equals(peerDeviceId)) {
            return;
        }
        BindingRole role = message.kind() == SdpKind.OFFER ? BindingRole.OFFER : BindingRole.ANSWER;
        try {
            checkPeer(role, message.sdp(), message.signature());
            if (role == BindingRole.OFFER) {
                session.acceptRenegotiation(message.sdp()).whenCompleteAsync(this::renegotiationAnswered,
                        ctx.thread());
            } else {
                session.acceptRenegotiationAnswer(message.sdp());
            }
        } catch (EndCall e) {
            leave(e.end());
        } catch (CallNegotiationException | IllegalStateException e) {
            log.warn("Call {}: the peer's {} was refused: {}", call.id(), message.kind(), e.getMessage());
        }
    }

    /**
     * The event connection came back after a drop. A call not answered yet may be gone from the server (it restarted),
     * which would leave it ringing forever: a message the server takes only for a call it knows (the callee's ringing
     * again, the caller's last candidate again, both harmless repeats) finds out, and the call ends if it is unknown.
     * A re-offer waiting for its answer goes out again at once.
     */
    void signalingReturned() {
        switch (call.state()) {
            case INCOMING -> endIfUnknown(ctx.signaling().ringing(call.id()));
            case OUTGOING, RINGING -> {
                if (lastCandidateSent != null) {
                    endIfUnknown(ctx.signaling().candidate(call.id(), new IceCandidate(lastCandidateSent, "0", 0)));
                }
            }
            case RECONNECTING -> reofferAgain();
            case CONNECTING, CONNECTED, ENDED -> { }
        }
    }

    /** The server ended the call. */
    void serverEnded(CallEndReason reason) {
        finish(CallEnd.of(switch (reason) {
            case DECLINED -> EndReason.DECLINED;
            case DECLINED_ELSEWHERE -> EndReason.DECLINED_ELSEWHERE;
            case BUSY -> EndReason.BUSY;
            case NO_ANSWER -> EndReason.NO_ANSWER;
            case CANCELLED -> call.direction() == CallDirection.INCOMING ? EndReason.MISSED : EndReason.CANCELLED_BY_YOU;
            case HANGUP -> EndReason.HUNG_UP_BY_PEER;
            case ANSWERED_ELSEWHERE -> EndReason.ANSWERED_ELSEWHERE;
            case UNAVAILABLE -> EndReason.UNAVAILABLE;
            case PEER_GONE -> EndReason.PEER_GONE;
        }));
    }

    // ---- the session's reports (its thread): handed to the manager's thread

    @Override
    public void localCandidate(String candidateLine) {
        onThread(() -> localCandidates.candidate(candidateLine));
    }

    @Override
    public void stateChanged(CallMediaState media) {
        onThread(() -> {
            if (!call.state().answered()) {
                return;
            }
            switch (media) {
                case CONNECTING -> setState(CallState.CONNECTING);
                case CONNECTED -> {
                    stopReofferingAgain();
                    startAudio();
                    startVideo();
                    setState(CallState.CONNECTED);
                }
                case RECONNECTING -> {
                    setState(CallState.RECONNECTING);
                    recoverSignaling();
                }
                case NEW, FAILED, CLOSED -> { }
            }
        });
    }

    @Override
    public void secured(DtlsHandshakeResult result) {
        onThread(() -> {
            call.secured(result.sas());
            ctx.observers().fire(o -> o.onCallSecured(call, result.sas()));
        });
    }

    @Override
    public void failed(MediaFailure failure, String detail) {
        onThread(() -> leave(CallEnd.network(failure, detail)));
    }

    @Override
    public void renegotiationNeeded(String offerSdp) {
        onThread(() -> {
            if (call.state().answered()) {
                sendReoffer(offerSdp);
            }
        });
    }

    // ---- internals

    /**
     * The media path broke, maybe because the network changed, and then the event connection may be as dead as the
     * path without knowing it yet: it is checked at once (reconnecting if it does not answer), and the ICE restart's
     * re-offer goes out again until its answer comes, since the first one, or its answer, may have been lost with the
     * old connection. The peer answers a repeated re-offer without restarting again.
     */
    private void recoverSignaling() {
        ctx.signaling().checkConnection(CONNECTION_CHECK);
        if (reofferAgain == null) {
            long every = REOFFER_AGAIN_EVERY.toMillis();
            reofferAgain = ctx.timers().scheduleWithFixedDelay(() -> onThread(this::reofferAgain), every, every,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void reofferAgain() {
        session.unansweredReoffer().ifPresent(this::sendReoffer);
    }

    /** An ICE restart's re-offer, signed like the first offer; its refusal does not end the call. */
    private void sendReoffer(String offerSdp) {
        whenSent(ctx.signaling().sdp(call.id(), SdpKind.OFFER, offerSdp,
                ctx.binding().sign(call.parties(), BindingRole.OFFER, session.localFingerprint())));
    }

    private void stopReofferingAgain() {
        if (reofferAgain != null) {
            reofferAgain.cancel(false);
            reofferAgain = null;
        }
    }

    private void openSession() {
        session = CallSession.create(ctx.sessions().get(), this);
        session.showRemoteVideo(video.remote());
        call.session(session);
    }

    private void checkPeer(BindingRole role, String sdp, String signature) throws EndCall {
        if (call.binding() == BindingPolicy.UNSIGNED_BROWSER_PEER) {
            FingerprintBinding.fingerprintOf(sdp);
            log.warn("Call {}: the {} of browser peer {} is used without a signed fingerprint statement",
                    call.id(), role, call.peerUserId());
            return;
        }
        ctx.binding().verify(call.parties(), call.peerUserId(), peerDeviceId, role, sdp, signature);
    }

    private void renegotiationAnswered(String answer, Throwable error) {
        if (ended()) {
            return;
        }
        if (error != null) {
            log.warn("Call {}: no answer to the peer's re-offer: {}", call.id(), error.getMessage());
            return;
        }
        whenSent(ctx.signaling().sdp(call.id(), SdpKind.ANSWER, answer,
                ctx.binding().sign(call.parties(), BindingRole.ANSWER, session.localFingerprint())));
    }

    private void sendCandidate(String line) {
        if (!line.isEmpty()) {
            lastCandidateSent = line;
        }
        whenSent(ctx.signaling().candidate(call.id(), new IceCandidate(line, "0", 0)));
    }

    /** A check that the server still knows the ringing call: when it does not, the call ends here. */
    private void endIfUnknown(CompletableFuture<Void> sent) {
        sent.whenCompleteAsync((ok, error) -> {
            if (error != null && rootOf(error) instanceof ApiException api && api.is(ErrorCode.CALL_NOT_FOUND)
                    && !ended() && !call.state().answered()) {
                log.info("Call {}: the server no longer knows it", call.id());
                finish(CallEnd.of(EndReason.LOST_BY_SERVER));
            }
        }, ctx.thread());
    }

    private void startAudio() {
        if (running != null || audio == null) {
            return;
        }
        try {
            running = audio.start(session.microphone(), session.speaker());
        } catch (IOException | RuntimeException e) {
            log.warn("Call {}: audio could not start", call.id(), e);
            leave(CallEnd.of(EndReason.FAILED, "the audio could not start: " + e.getMessage()));
        }
    }

    private void startVideo() {
        if (runningVideo != null || !call.cameraOn()) {
            return;
        }
        try {
            runningVideo = video.start(ctx.cameras(), session.camera());
            watchCamera(runningVideo);
        } catch (CameraException | RuntimeException e) {
            // The call goes on without this device's picture; the person can try the camera again.
            log.warn("Call {}: the camera could not start: {}", call.id(), e.getMessage());
            runningVideo = new CallVideo.Running(null, video.remote());
            cameraLost(e.getMessage());
        }
    }

    /** A capture that ends by itself (the camera unplugged or failing, not closed by us) turns the camera off. */
    private void watchCamera(CallVideo.Running running) {
        if (running.capture() == null) {
            return;
        }
        running.capture().finished().whenCompleteAsync((done, error) -> {
            if (error == null || ended() || runningVideo != running) {
                return;
            }
            log.info("Call {}: the camera stopped: {}", call.id(), error.getMessage());
            runningVideo = new CallVideo.Running(null, video.remote());
            cameraLost(error.getMessage());
        }, ctx.thread());
    }

    private void cameraLost(String reason) {
        call.cameraStopped();
        ctx.observers().fire(o -> o.onCameraLost(call, reason));
    }

    /**
     * Moves the sound to {@code next}: once the media runs, the old capture and playout stop and the new ones start on
     * the same session; if they cannot, the old sound starts again and the failure is thrown.
     */
    void audio(CallAudio next) {
        if (ended()) {
            return;
        }
        next.check();
        CallAudio previous = audio;
        audio = next;
        if (running == null) {
            return;
        }
        running.close();
        running = null;
        try {
            running = next.start(session.microphone(), session.speaker());
        } catch (IOException | RuntimeException e) {
            log.warn("Call {}: the chosen audio could not start; back to the previous", call.id(), e);
            audio = previous;
            startAudio();
            throw new IllegalArgumentException("The chosen audio could not start: " + e.getMessage(), e);
        }
    }

    /**
     * Sends the camera named {@code name} instead of the one the call has (a call set up without a camera has no video
     * to send: refused). A camera that is on moves at once; if the new one cannot start, the old one starts again and
     * the failure is thrown. A camera that is off is used when it is turned on.
     */
    void switchCamera(String name) {
        if (ended()) {
            return;
        }
        if (video.camera().isEmpty()) {
            throw new IllegalArgumentException("This call was not set up with a camera.");
        }
        CallVideo previous = video;
        CallVideo next = new CallVideo(Optional.of(name), previous.mode(), previous.remote(), previous.preview());
        next.check(ctx.cameras().get());
        video = next;
        if (runningVideo == null || runningVideo.capture() == null) {
            return;
        }
        runningVideo.capture().close();
        runningVideo = new CallVideo.Running(null, video.remote());
        try {
            runningVideo = video.start(ctx.cameras(), session.camera());
            watchCamera(runningVideo);
        } catch (CameraException | RuntimeException e) {
            log.warn("Call {}: camera {} could not start; back to the previous", call.id(), name, e);
            video = previous;
            startVideoAgain();
            throw new IllegalArgumentException("The camera could not start: " + e.getMessage(), e);
        }
    }

    /** Starts the call's camera after a failed switch; if even that fails the camera is off, as when it is lost. */
    private void startVideoAgain() {
        try {
            runningVideo = video.start(ctx.cameras(), session.camera());
            watchCamera(runningVideo);
        } catch (CameraException | RuntimeException e) {
            cameraLost(e.getMessage());
        }
    }

    /** Turns the camera off (released, the peer's picture of us stops) or on again, once the call is connected. */
    void camera(boolean on) {
        if (ended() || runningVideo == null || video.camera().isEmpty()) {
            return;
        }
        if (!on && runningVideo.capture() != null) {
            runningVideo.capture().close();
            runningVideo = new CallVideo.Running(null, video.remote());
        } else if (on && runningVideo.capture() == null) {
            try {
                runningVideo = video.start(ctx.cameras(), session.camera());
                watchCamera(runningVideo);
            } catch (CameraException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    /**
     * Tells the server this device leaves the call, then ends it here. A hangup is right in every state: while the
     * call rings the server takes it as the caller's cancel or the callee's decline, and after a {@code call.accepted}
     * whose statement failed (the call is answered at the server, not here) as the end of the answered call.
     */
    private CompletableFuture<Void> leave(CallEnd end) {
        if (ended()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> sent = ctx.signaling().hangup(call.id());
        sent.whenComplete((ok, error) -> {
            if (error != null) {
                log.info("Call {}: leaving was not acknowledged: {}", call.id(), rootOf(error).getMessage());
            }
        });
        finish(end);
        return sent;
    }

    private void finish(CallEnd end) {
        if (ended()) {
            return;
        }
        log.info("Call {} with {} ended: {}", call.id(), call.peerUserId(), end);
        call.ended(end);
        stopReofferingAgain();
        if (running != null) {
            running.close();
        }
        if (runningVideo != null) {
            runningVideo.close();
        }
        if (session != null) {
            session.close();
        }
        ctx.observers().fire(o -> {
            o.onCallState(call, CallState.ENDED);
            o.onCallEnded(call, end);
        });
        onEnded.accept(this);
    }

    private void setState(CallState next) {
        if (call.state() != next && !ended()) {
            call.state(next);
            fire(next);
        }
    }

    private void fire(CallState state) {
        ctx.observers().fire(o -> o.onCallState(call, state));
    }

    /** A message whose refusal does not end the call (a candidate, a ringing, a renegotiation): only logged. */
    private void whenSent(CompletableFuture<Void> sent) {
        sent.whenComplete((ok, error) -> {
            if (error != null) {
                log.info("Call {}: a message was refused: {}", call.id(), rootOf(error).getMessage());
            }
        });
    }

    /** The invite or the accept: when the server refuses it or cannot be reached, the call ends with what it said. */
    private void endUnlessSent(CompletableFuture<Void> sent) {
        sent.whenCompleteAsync((ok, error) -> {
            if (error != null && !ended()) {
                Throwable cause = rootOf(error);
                log.info("Call {}: the server did not take the call: {}", call.id(), cause.getMessage());
                finish(endFor(cause));
            }
        }, ctx.thread());
    }

    private static CallEnd endFor(Throwable error) {
        if (error instanceof ApiException api) {
            if (api.unreachable()) {
                return CallEnd.of(EndReason.OFFLINE, api.getMessage());
            }
            if (api.is(ErrorCode.NOT_CONTACTS) || api.is(ErrorCode.BLOCKED)) {
                return CallEnd.of(EndReason.REFUSED, api.getMessage());
            }
        }
        return CallEnd.of(EndReason.FAILED, error.getMessage());
    }

    private static Throwable rootOf(Throwable error) {
        return error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error;
    }

    private void onThread(Runnable work) {
        try {
            ctx.thread().execute(() -> {
                if (!ended()) {
                    work.run();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The manager is closed.
        }
    }
}
