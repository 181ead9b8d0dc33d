package dev.confab.client.interop;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.calls.CallListener;
import dev.confab.client.core.calls.CallSignaling;
import dev.confab.client.testing.Seeded;
import dev.confab.crypto.binding.BindingRole;
import dev.confab.crypto.binding.FingerprintStatement;
import dev.confab.crypto.dtls.DtlsCertificate;
import dev.confab.crypto.dtls.DtlsConfig;
import dev.confab.crypto.dtls.DtlsHandshakeResult;
import dev.confab.crypto.dtls.DtlsParameters;
import dev.confab.media.ice.IceAgentConfig;
import dev.confab.media.ice.IceCredentials;
import dev.confab.media.ice.IceListener;
import dev.confab.media.ice.IceRole;
import dev.confab.media.ice.LocalCandidate;
import dev.confab.media.sdp.Candidate;
import dev.confab.media.sdp.CodecChoice;
import dev.confab.media.sdp.Direction;
import dev.confab.media.sdp.JsepAnswers;
import dev.confab.media.sdp.LocalMedia;
import dev.confab.media.sdp.MediaDescription;
import dev.confab.media.sdp.RtpFormat;
import dev.confab.media.sdp.RtpMap;
import dev.confab.media.sdp.SendStream;
import dev.confab.media.sdp.SessionDescription;
import dev.confab.media.transport.LocalDescriptions;
import dev.confab.media.transport.MediaReceiver;
import dev.confab.media.transport.PeerTransport;
import dev.confab.media.transport.RemoteCandidateFeed;
import dev.confab.media.transport.SdpCandidates;
import dev.confab.media.transport.SecureTransport;
import dev.confab.protocol.ws.CallMedia;
import dev.confab.protocol.ws.IceCandidate;
import dev.confab.protocol.ws.ServerMessage;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Confab side of one audio call with a browser, in the shape the call engine will take: call signaling from a
 * live {@link ConfabClient}, a {@link SecureTransport} per call, the transport parts of the SDP from
 * {@code media.transport}. It either answers the first {@code call.incoming} (trickling its candidates after
 * {@code call.accept}) or places a call (its offer carries every candidate it gathered, so it does not trickle).
 *
 * <p><b>Browser interop.</b> Chromium has no Confab identity key and cannot sign the fingerprint statement, so this
 * side does not require the binding from the browser: the fingerprint in the browser's SDP is taken as it stands, and
 * the stand-in in its {@code signature} field is not verified. Between two Confab devices that statement is verified
 * against the pinned identity key before the fingerprint is trusted. This side still signs and sends its own.
 *
 * <p>Thread contract: call state lives on one serial executor (also the ICE agent's); the client's event thread only
 * hands events to it. {@link #close()} from the test thread.
 */
final class ConfabCallSide implements CallListener, IceListener, MediaReceiver, AutoCloseable {
    /** Confab's audio: Opus, announced with this SSRC so that Chromium makes a receiver for it. */
    static final long SSRC = 0x0C0FFEEL;
    private static final SendStream SEND_STREAM = new SendStream("confab", "mic", "confabcname", SSRC,
            OptionalLong.empty());
    private static final List<LocalMedia> AUDIO = List.of(new LocalMedia(MediaDescription.AUDIO, "0",
            Direction.SENDRECV, List.of(RtpFormat.of(111, RtpMap.of("opus", 48000, 2))), List.of(),
            Optional.of(SEND_STREAM)));
    /** A 20 ms Opus frame of silence (TOC 0xF8: CELT fullband 20 ms, one frame). */
    private static final byte[] OPUS_SILENCE = {(byte) 0xF8, (byte) 0xFF, (byte) 0xFE};

    private final ConfabClient client;
    private final CallSignaling signaling;
    private final boolean answering;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService dtlsThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final SplittableRandom iceRandom;
    private final SecureRandom dtlsRandom;
    private final DtlsCertificate certificate;
    private final CompletableFuture<DtlsHandshakeResult> secured = new CompletableFuture<>();
    private final List<LocalCandidate> gathered = new CopyOnWriteArrayList<>();
    private final List<String> heardCandidates = new CopyOnWriteArrayList<>();
    private final List<String> unreadCandidates = new CopyOnWriteArrayList<>();
    private final AtomicLong audioSent = new AtomicLong();
    private final AtomicLong audioNotSent = new AtomicLong();

    private volatile SecureTransport transport;
    private volatile String callId;
    private volatile String callerUserId;
    private volatile String calleeUserId;
    private volatile String remoteUfrag;
    private volatile int opusPayloadType = -1;
    private volatile String endReason;
    private ScheduledFuture<?> audio;

    private ConfabCallSide(ConfabClient client, boolean answering, long seed) {
        this.client = client;
        this.signaling = client.calls();
        this.answering = answering;
        this.iceRandom = new SplittableRandom(seed);
        this.dtlsRandom = Seeded.secureRandom(seed);
        this.certificate = DtlsCertificate.generate(dtlsRandom, Clock.systemUTC());
        signaling.addListener(this);
    }

    /** Answers the next call that rings {@code client}. */
    static ConfabCallSide answering(ConfabClient client, long seed) {
        return new ConfabCallSide(client, true, seed);
    }

    /** Calls {@code calleeUserId} from {@code client}. */
    static ConfabCallSide calling(ConfabClient client, String calleeUserId, long seed) {
        ConfabCallSide side = new ConfabCallSide(client, false, seed);
        side.onExecutor(side::placeCall, calleeUserId);
        return side;
    }

    /** Completes when DTLS-SRTP is up on Confab's side, or with what went wrong first. */
    CompletableFuture<DtlsHandshakeResult> secured() {
        return secured.copy();
    }

    /** Where the browser's candidates went: its TCP candidates are skipped and counted there. */
    RemoteCandidateFeed remoteCandidates() {
        return transport.remoteCandidates();
    }

    /** Every candidate line the browser trickled, for failure messages. */
    List<String> heardCandidates() {
        return heardCandidates;
    }

    /** Trickled candidate lines that did not parse at all. */
    List<String> unreadCandidates() {
        return unreadCandidates;
    }

    /** Sends an SRTP-protected Opus packet every 20 ms from now on. */
    void startSendingAudio() {
        audio = timers.scheduleAtFixedRate(this::sendAudioPacket, 0, 20, TimeUnit.MILLISECONDS);
    }

    /** Audio packets protected and sent, and those refused (no keys or no path yet). */
    String audioCounts() {
        return audioSent + " sent, " + audioNotSent + " not sent";
    }

    String endReason() {
        return endReason;
    }

    // ---- signaling (client's event thread: hand over) ----

    @Override
    public void onIncoming(ServerMessage.CallIncoming incoming) {
        if (answering && callId == null) {
            callId = incoming.callId();
            onExecutor(this::answer, incoming);
        }
    }

    @Override
    public void onAccepted(ServerMessage.CallAccepted accepted) {
        if (accepted.callId().equals(callId)) {
            onExecutor(this::accepted, accepted);
        }
    }

    @Override
    public void onCandidate(ServerMessage.CallCandidate candidate) {
        if (candidate.callId().equals(callId)) {
            onExecutor(this::remoteCandidate, candidate.candidate());
        }
    }

    @Override
    public void onEnded(ServerMessage.CallEnded ended) {
        if (ended.callId().equals(callId)) {
            endReason = ended.reason().toString();
        }
    }

    // ---- call state (executor) ----

    private void answer(ServerMessage.CallIncoming incoming) throws Exception {
        callerUserId = incoming.callerUserId();
        calleeUserId = client.account().require().userId();
        SessionDescription offer = SessionDescription.parse(incoming.sdp());
        PeerTransport peer = PeerTransport.of(offer);
        // The browser's fingerprint is used without a verified statement: see the class comment.
        DtlsParameters dtls = new DtlsParameters(peer.roleAsAnswerer(), certificate, peer.fingerprint(),
                DtlsConfig.defaults(), dtlsRandom);
        SecureTransport created = SecureTransport.create(iceConfig(), IceRole.CONTROLLED, executor, timers, iceRandom,
                this, dtls, dtlsThreads, this);
        adopt(created);
        remoteUfrag = peer.credentials().ufrag();
        opusPayloadType = opusPayloadType(offer);
        gather(created);
        peer.applyTo(created);
        SessionDescription answer = JsepAnswers.create(offer, LocalDescriptions
                .answerOptions(created, 2, CodecChoice.byName("opus"))
                .withSendStreams(Map.of(MediaDescription.AUDIO, SEND_STREAM)));
        signaling.accept(callId, answer.toSdp(), sign(BindingRole.ANSWER));
    }

    private void placeCall(String callee) {
        callId = signaling.newCallId();
        callerUserId = client.account().require().userId();
        calleeUserId = callee;
        SecureTransport created = SecureTransport.createOffering(iceConfig(), executor, timers, iceRandom, this,
                certificate, dtlsThreads, this);
        adopt(created);
        gather(created);
    }

    /** Calling: the offer waits for gathering to end and carries every candidate. */
    private void invite(IceCredentials credentials) {
        SessionDescription offer = LocalDescriptions.withCandidates(
                LocalDescriptions.offer(transport, 1, AUDIO), gathered, credentials, true);
        signaling.invite(callId, calleeUserId, CallMedia.AUDIO, offer.toSdp(), sign(BindingRole.OFFER));
    }

    private void accepted(ServerMessage.CallAccepted accepted) throws Exception {
        SessionDescription answer = SessionDescription.parse(accepted.sdp());
        PeerTransport peer = PeerTransport.of(answer);
        remoteUfrag = peer.credentials().ufrag();
        opusPayloadType = opusPayloadType(answer);
        // The browser's fingerprint is used without a verified statement: see the class comment.
        transport.answered(new DtlsParameters(peer.roleAsOfferer(), certificate, peer.fingerprint(),
                DtlsConfig.defaults(), dtlsRandom));
        peer.applyTo(transport);
    }

    private void remoteCandidate(IceCandidate trickled) {
        heardCandidates.add(trickled.candidate());
        if (trickled.candidate().isEmpty()) {
            transport.remoteCandidates().end();
            return;
        }
        try {
            transport.remoteCandidates().add(Candidate.parse(trickled.candidate()), remoteUfrag);
        } catch (dev.confab.media.sdp.SdpParseException e) {
            unreadCandidates.add(trickled.candidate() + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public void localCandidate(LocalCandidate candidate, IceCredentials credentials) {
        gathered.add(candidate);
        if (answering) {
            signaling.candidate(callId, new IceCandidate(SdpCandidates.toSdp(candidate, credentials).toAttribute(),
                    "0", 0));
        }
    }

    @Override
    public void gatheringComplete(IceCredentials credentials) {
        if (answering) {
            signaling.candidate(callId, new IceCandidate("", "0", 0));
        } else {
            invite(credentials);
        }
    }

    // ---- media ----

    private void sendAudioPacket() {
        long n = audioSent.get() + audioNotSent.get();
        byte[] packet = new byte[12 + OPUS_SILENCE.length + 16];
        packet[0] = (byte) 0x80;
        packet[1] = (byte) opusPayloadType;
        packet[2] = (byte) (n >> 8);
        packet[3] = (byte) n;
        long timestamp = n * 960;
        for (int i = 0; i < 4; i++) {
            packet[4 + i] = (byte) (timestamp >> (24 - 8 * i));
            packet[8 + i] = (byte) (SSRC >> (24 - 8 * i));
        }
        System.arraycopy(OPUS_SILENCE, 0, packet, 12, OPUS_SILENCE.length);
        try {
            boolean sent = transport.sendRtp(packet, 0, 12 + OPUS_SILENCE.length);
            (sent ? audioSent : audioNotSent).incrementAndGet();
        } catch (IOException e) {
            audioNotSent.incrementAndGet();
        }
    }

    @Override
    public void rtp(byte[] buf, int off, int len) {
    }

    @Override
    public void rtcp(byte[] buf, int off, int len) {
    }

    // ---- helpers ----

    private void gather(SecureTransport created) {
        created.agent().start().whenComplete((opened, error) -> {
            if (error != null) {
                secured.completeExceptionally(error);
            }
        });
    }

    private void adopt(SecureTransport created) {
        transport = created;
        created.handshake().whenComplete((result, error) -> {
            if (error != null) {
                secured.completeExceptionally(error);
            } else {
                secured.complete(result);
            }
        });
    }

    private String sign(BindingRole role) {
        return new FingerprintStatement(callId, callerUserId, calleeUserId, role, certificate.fingerprint())
                .sign(client.account().identity().identity()).encode();
    }

    private static int opusPayloadType(SessionDescription description) {
        return description.media().getFirst().rtpFormats().stream().filter(f -> f.is("opus"))
                .mapToInt(RtpFormat::payloadType).findFirst().orElseThrow();
    }

    private static IceAgentConfig iceConfig() {
        return IceAgentConfig.defaults().withLoopback(true);
    }

    /** Runs a step of the call on its executor; a failure fails {@link #secured()} with the cause. */
    private <T> void onExecutor(Step<T> step, T value) {
        executor.execute(() -> {
            try {
                step.run(value);
            } catch (Exception | AssertionError e) {
                secured.completeExceptionally(e);
            }
        });
    }

    @Override
    public void close() {
        signaling.removeListener(this);
        if (audio != null) {
            audio.cancel(false);
        }
        SecureTransport current = transport;
        if (current != null) {
            current.close();
        }
        secured.completeExceptionally(new IllegalStateException("closed before the call was secured"));
        timers.shutdownNow();
        executor.shutdown();
        dtlsThreads.shutdownNow();
    }

    /** One step of the call that may fail. */
    @FunctionalInterface
    private interface Step<T> {
        void run(T value) throws Exception;
    }
}
