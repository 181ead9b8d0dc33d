package dev.confab.media.call;

import dev.confab.crypto.dtls.CertificateFingerprint;
import dev.confab.crypto.dtls.DtlsParameters;
import dev.confab.crypto.dtls.DtlsRole;
import dev.confab.media.audio.device.FrameConsumer;
import dev.confab.media.audio.device.FrameSupplier;
import dev.confab.media.ice.CandidatePair;
import dev.confab.media.rtcp.FullIntraRequest;
import dev.confab.media.rtcp.GenericNack;
import dev.confab.media.rtcp.PictureLossIndication;
import dev.confab.media.rtcp.RtcpPacket;
import dev.confab.media.rtcp.TransportFeedback;
import dev.confab.media.rtp.ExtensionElements;
import dev.confab.media.rtp.RtpPacketReader;
import dev.confab.media.rtp.TransportSequence;
import dev.confab.media.rtp.cc.TransportFeedbackRecorder;
import dev.confab.media.ice.IceCredentials;
import dev.confab.media.ice.IceListener;
import dev.confab.media.ice.IceRestarter;
import dev.confab.media.ice.IceRole;
import dev.confab.media.ice.IceState;
import dev.confab.media.ice.LocalCandidate;
import dev.confab.media.sdp.Candidate;
import dev.confab.media.sdp.JsepAnswers;
import dev.confab.media.sdp.SdpNegotiationException;
import dev.confab.media.sdp.SdpParseException;
import dev.confab.media.sdp.SendStream;
import dev.confab.media.sdp.SessionDescription;
import dev.confab.media.transport.LocalDescriptions;
import dev.confab.media.transport.MediaReceiver;
import dev.confab.media.transport.PeerTransport;
import dev.confab.media.transport.SdpCandidates;
import dev.confab.media.transport.SecureTransport;
import dev.confab.media.video.capture.VideoFrameConsumer;
import dev.confab.media.video.frame.FrameSize;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One call's media, Confab's equivalent of a peer connection: the secure transport (ICE, DTLS-SRTP), the audio
 * section and the video section (always negotiated, so a camera may start or stop at any time; a peer that offers
 * audio only gets a call without video), bundled on one transport and negotiated through SDP text the owner carries over signaling. The caller's session offers
 * ({@link #createOffer}) and takes the answer ({@link #acceptAnswer}); the callee's answers ({@link #acceptOffer}).
 * Candidates trickle both ways ({@link CallSessionListener#localCandidate}, {@link #addRemoteCandidate}). When the
 * path dies the offering side restarts ICE by itself and asks for a re-offer to be carried
 * ({@link CallSessionListener#renegotiationNeeded}); the other side answers it ({@link #acceptRenegotiation}).
 *
 * <p>The peer's fingerprint is taken from its description as given: the owner verifies the signed statement that
 * binds it to the peer's identity before handing the description over ({@link #fingerprintOf} reads it), and DTLS
 * then refuses any certificate but that one, so no media is accepted from anyone else.
 *
 * <p>Thread contract: thread-safe. The session's state lives on its own serial thread, which also runs the ICE agent
 * and calls the listener; the public methods hand their work to it and wait, and may be called from the listener.
 */
public final class CallSession implements AutoCloseable {
    private static final int MAX_EARLY_CANDIDATES = 64;
    /** The largest picture and frame rate a call sends: what a 2-core laptop encodes in real time. */
    private static final VideoSendStream.Limits VIDEO_LIMITS =
            new VideoSendStream.Limits(new FrameSize(1280, 720), 30);
    /** How often transport-wide feedback goes back to the peer (libwebrtc: 50-250 ms, 100 by default). */
    private static final Duration FEEDBACK_INTERVAL = Duration.ofMillis(100);

    private final CallSessionConfig config;
    private final CallSessionListener listener;
    private final ExecutorService executor;
    private final Thread thread;
    private final long sessionId;
    private final CallSections sections;
    private final AudioSendStream sendStream;
    private final AudioReceiveStream receiveStream;
    private final RtcpReporter reports;
    private final VideoSendStream videoSend;
    private final VideoReceiveStream videoReceive;
    private final TransportFeedbackRecorder feedbackRecorder = new TransportFeedbackRecorder();
    private final RtpPacketReader feedbackReader = new RtpPacketReader();
    private volatile int transportSequenceId;
    private final VideoRateController rate;
    private volatile ScheduledFuture<?> feedbackTimer;
    private volatile VideoFrameSink remoteVideo = VideoFrameSink.NONE;
    private volatile int audioPayloadType = -1;
    private final MediaReceiver receiver = new MediaReceiver() {
        @Override
        public void rtp(byte[] buf, int off, int len) {
            recordArrival(buf, off, len);
            if (len > 1 && (buf[off + 1] & 0x7f) != audioPayloadType) {
                startTransportFeedback();
                videoReceive.rtp(buf, off, len);
            } else {
                receiveStream.rtp(buf, off, len);
            }
        }

        @Override
        public void rtcp(byte[] buf, int off, int len) {
            reports.onRtcp(buf, off, len);
        }
    };
    private final List<String> earlyCandidates = new ArrayList<>();
    private final LocalGeneration localGeneration = new LocalGeneration();
    private int unparsedCandidates;

    private volatile SecureTransport transport;
    private IceRestarter restarter;
    private CertificateFingerprint remoteFingerprint;
    private String remoteUfrag;
    private AudioSection.Negotiated negotiated;
    private Optional<VideoSection.Negotiated> negotiatedVideo = Optional.empty();
    private boolean offering;
    private SessionDescription pendingRestartOffer;
    private CompletableFuture<String> pendingRestartAnswer;
    private volatile CallMediaState state = CallMediaState.NEW;
    private boolean iceConnected;
    private boolean everConnected;
    private boolean secured;
    private ScheduledFuture<?> reconnectDeadline;

    private CallSession(CallSessionConfig config, CallSessionListener listener) {
        this.config = config;
        this.listener = listener;
        this.executor = Executors.newSingleThreadExecutor(
                runnable -> Thread.ofPlatform().name("call-session").daemon().unstarted(runnable));
        this.thread = threadOf(executor);
        this.sessionId = config.random().nextLong(1, Long.MAX_VALUE);
        long ssrc = config.random().nextLong(1, 1L << 32);
        String cname = Long.toHexString(config.random().nextLong());
        long videoSsrc = config.random().nextLong(1, 1L << 32);
        long rtxSsrc = config.random().nextLong(1, 1L << 32);
        this.sections = new CallSections(
                new AudioSection(new SendStream("confab", "audio", cname, ssrc, OptionalLong.empty())),
                new VideoSection(new SendStream("confab", "video", cname, videoSsrc, OptionalLong.of(rtxSsrc))));
        int audioSequence = config.random().nextInt(1 << 16);
        long audioTimestamp = config.random().nextLong(1L << 32);
        this.videoSend = new VideoSendStream(this::sendRtp, this::videoPacketSent, this::reserveTransportSequence,
                config.random(), VIDEO_LIMITS);
        this.rate = new VideoRateController(videoSend, config.maxSendBitrate());
        this.sendStream = new AudioSendStream(this::sendRtp, rate, ssrc, audioSequence, audioTimestamp);
        this.reports = new RtcpReporter(this::sendRtcp, sendStream, videoSend, (int) videoSsrc, new Rtcp(), cname);
        this.receiveStream = new AudioReceiveStream(reports::onRtp);
        this.videoReceive = new VideoReceiveStream(this::sendRtcp, reports::onVideoRtp,
                (frame, rtpTimestamp) -> remoteVideo.show(frame, rtpTimestamp), config.timers(), config.random());
    }

    /** A session that has exchanged nothing yet; connect capture to {@link #microphone} and playout to {@link #speaker}. */
    public static CallSession create(CallSessionConfig config, CallSessionListener listener) {
        return new CallSession(Objects.requireNonNull(config, "config"), Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Where capture delivers the microphone's 20 ms frames (48 kHz mono), on its own thread; frames before the call is
     * negotiated are dropped.
     */
    public FrameConsumer microphone() {
        return sendStream;
    }

    /** Where playout takes the peer's audio, 20 ms at a time, on its own thread: silence until some arrives. */
    public FrameSupplier speaker() {
        return receiveStream;
    }

    /**
     * Where the camera delivers its frames, on its own thread, if the call is to carry this device's picture: frames
     * before the call is negotiated, or while the peer takes no video, are dropped; the stream scales them down to
     * 1280x720 and 30 frames a second at most.
     */
    public VideoFrameConsumer camera() {
        return videoSend;
    }

    /** Where the peer's decoded pictures go from now on ({@link VideoFrameSink#NONE} before this is called). */
    public void showRemoteVideo(VideoFrameSink sink) {
        remoteVideo = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Asks the peer for a key frame of its video at once (a PLI), so a picture shown from now on (a window opened, a
     * view switched) starts without waiting for the encoder's next one.
     */
    public void requestKeyFrame() {
        videoReceive.requestKeyFrame();
    }

    /** Mutes or unmutes the microphone: while muted the peer hears silence. */
    public void mute(boolean on) {
        sendStream.mute(on);
    }

    /** What the call has done so far, for the statistics a person can open. */
    public CallStatistics statistics() {
        SecureTransport current = transport;
        long rtt = reports.roundTripNanos();
        return new CallStatistics(state, sendStream.muted(), sendStream.bitrate(), sendStream.packetsSent(),
                sendStream.payloadBytesSent(), sendStream.framesNotSent(), sendStream.dtxFrames(),
                receiveStream.packetsReceived(), receiveStream.packetsRefused(), receiveStream.framesPlayed(),
                receiveStream.framesSilent(), rtt < 0 ? -1 : rtt / 1e6, reports.peerFractionLost() / 2.56,
                reports.localFractionLost() / 2.56, reports.localCumulativeLost(),
                reports.localJitter() / 48.0, reports.reportsSent(), reports.reportsReceived(),
                current == null ? 0 : current.counters().protectedSent(),
                current == null ? 0 : current.counters().unprotected(),
                current == null ? 0 : current.counters().failedUnprotect(),
                Optional.ofNullable(receiveStream.jitterBuffer()),
                current == null ? Optional.empty() : current.agent().selectedPair()
                        .map(pair -> MediaPath.of(pair, current.agent().sinceConsentResponse())),
                videoSend.stats(), videoReceive.stats(), videoSend.targetBitrate(), rate.snapshot().targetBps());
    }

    /**
     * The fingerprint a peer's description names, for the owner to check against the signed statement before it
     * hands the description to this session.
     */
    public static CertificateFingerprint fingerprintOf(String sdp) throws CallNegotiationException {
        return peerTransportOf(parse(sdp)).fingerprint();
    }

    /** The fingerprint of this call's certificate, which the owner signs. */
    public CertificateFingerprint localFingerprint() {
        return config.certificate().fingerprint();
    }

    /** The SSRC and CNAME of the audio this device sends. */
    public SendStream sendStream() {
        return sections.audio().sendStream();
    }

    /**
     * The caller's side: starts gathering and returns the offer; its candidates follow through the listener.
     *
     * @throws IllegalStateException if this session has offered or answered already
     */
    public String createOffer() {
        return onThread(() -> {
            requireNew();
            offering = true;
            transport = SecureTransport.createOffering(config.ice(), executor, config.timers(), config.random(),
                    new Ice(), config.certificate(), config.dtlsExecutor(), receiver);
            adopt();
            transport.agent().start();
            setState(CallMediaState.CONNECTING);
            return LocalDescriptions.offer(transport, sessionId, sections.offer()).toSdp();
        });
    }

    /**
     * The callee's side: takes the caller's offer, starts gathering and returns the answer; candidates follow through
     * the listener, possibly before this returns (the owner sends them after the answer).
     *
     * @throws CallNegotiationException if the offer cannot make a call (the message says why)
     */
    public String acceptOffer(String offerSdp) throws CallNegotiationException {
        return onThreadNegotiating(() -> {
            requireNew();
            SessionDescription offer = parse(offerSdp);
            PeerTransport peer = peerTransportOf(offer);
            negotiated = AudioSection.negotiated(offer);
            negotiatedVideo = VideoSection.negotiated(offer);
            AudioSendStream.Setup sending = negotiated.sendSetup();
            DtlsRole role = negotiating(peer::roleAsAnswerer);
            transport = SecureTransport.create(config.ice(), IceRole.CONTROLLED, executor, config.timers(),
                    config.random(), new Ice(), dtls(role, peer.fingerprint()), config.dtlsExecutor(), receiver);
            adopt();
            remoteFingerprint = peer.fingerprint();
            remoteUfrag = peer.credentials().ufrag();
            transport.agent().start();
            peer.applyTo(transport);
            feedEarlyCandidates();
            setState(CallMediaState.CONNECTING);
            SessionDescription answer = negotiating(() -> JsepAnswers.create(offer,
                    sections.answerOptions(sessionId, LocalDescriptions.transportOf(transport))));
            startMedia(sending);
            return answer.toSdp();
        });
    }

    /**
     * The caller's side: takes the callee's answer; DTLS starts once ICE has a path.
     *
     * @throws CallNegotiationException if the answer cannot make a call or comes at the wrong moment
     */
    public void acceptAnswer(String answerSdp) throws CallNegotiationException {
        onThreadNegotiating(() -> {
            if (!offering || remoteFingerprint != null) {
                throw new CallNegotiationException("an answer needs an offer of ours that was not answered yet");
            }
            SessionDescription answer = parse(answerSdp);
            PeerTransport peer = peerTransportOf(answer);
            negotiated = AudioSection.negotiated(answer);
            negotiatedVideo = VideoSection.negotiated(answer);
            AudioSendStream.Setup sending = negotiated.sendSetup();
            DtlsRole role = negotiating(peer::roleAsOfferer);
            remoteFingerprint = peer.fingerprint();
            remoteUfrag = peer.credentials().ufrag();
            transport.answered(dtls(role, peer.fingerprint()));
            peer.applyTo(transport);
            feedEarlyCandidates();
            startMedia(sending);
            return null;
        });
    }

    /**
     * A candidate line the peer trickled ({@code candidate:...}, with or without {@code a=}); an empty line is the
     * peer's end-of-candidates. Lines that do not parse, or that Confab cannot use, are skipped and counted. Returns
     * at once: the candidate is taken in order on the session's thread.
     */
    public void addRemoteCandidate(String candidateLine) {
        Objects.requireNonNull(candidateLine, "candidateLine");
        try {
            executor.execute(() -> {
                if (state == CallMediaState.CLOSED || state == CallMediaState.FAILED) {
                    return;
                }
                if (remoteUfrag == null) {
                    if (earlyCandidates.size() < MAX_EARLY_CANDIDATES) {
                        earlyCandidates.add(candidateLine);
                    }
                } else {
                    addCandidate(candidateLine);
                }
            });
        } catch (RejectedExecutionException e) {
            // Closed: nothing more to connect.
        }
    }

    /**
     * The peer's re-offer (its ICE restart): restarts ICE on this side too and completes with the answer to carry
     * back, once this side's new credentials are made.
     *
     * @throws CallNegotiationException if it does not parse, comes before the call was set up, or names another
     *                                  certificate than the call's (a certificate never changes mid-call)
     */
    public CompletableFuture<String> acceptRenegotiation(String offerSdp) throws CallNegotiationException {
        return onThreadNegotiating(() -> {
            SessionDescription offer = parse(offerSdp);
            PeerTransport peer = sameCertificate(peerTransportOf(offer));
            if (peer.credentials().ufrag().equals(remoteUfrag)) {
                // The same offer again, sent again because the answer seemed lost: the same answer (once our restart
                // answering it is made), with the candidates gathered since, whose trickle may have been lost too.
                applyCandidates(peer);
                return pendingRestartAnswer != null ? pendingRestartAnswer
                        : CompletableFuture.completedFuture(localGeneration.withCandidates(answerDescription(offer),
                                transport.agent().localCredentials()).toSdp());
            }
            CompletableFuture<String> answer = new CompletableFuture<>();
            pendingRestartOffer = offer;
            pendingRestartAnswer = answer;
            remoteUfrag = peer.credentials().ufrag();
            restarter.remoteRestart(peer.credentials());
            applyCandidates(peer);
            return answer;
        });
    }

    /**
     * The peer's answer to this side's re-offer. An answer that comes again (to a re-offer sent again) adds its
     * candidates and restarts nothing.
     */
    public void acceptRenegotiationAnswer(String answerSdp) throws CallNegotiationException {
        onThreadNegotiating(() -> {
            PeerTransport peer = sameCertificate(peerTransportOf(parse(answerSdp)));
            if (peer.credentials().ufrag().equals(remoteUfrag)) {
                applyCandidates(peer);
                return null;
            }
            remoteUfrag = peer.credentials().ufrag();
            restarter.remoteRestart(peer.credentials());
            applyCandidates(peer);
            return null;
        });
    }

    /**
     * This side's re-offer again, with the candidates gathered since, while its ICE restart waits for the peer's answer;
     * empty otherwise. For the owner to send again when the answer is slow to come: the re-offer or the answer may have
     * been lost with a signaling connection the same network change took down. The peer answers a repeated offer
     * without restarting again.
     */
    public Optional<String> unansweredReoffer() {
        return onThread(() -> {
            if (restarter == null || !restarter.awaitingAnswer()
                    || state == CallMediaState.CLOSED || state == CallMediaState.FAILED) {
                return Optional.empty();
            }
            return Optional.of(localGeneration.withCandidates(reoffer(), transport.agent().localCredentials()).toSdp());
        });
    }

    /** The media path's state now. */
    public CallMediaState state() {
        return onThread(() -> state);
    }

    /** The Opus payload type both sides agreed on, once they have. */
    public OptionalInt opusPayloadType() {
        return onThread(() -> negotiated == null ? OptionalInt.empty() : OptionalInt.of(negotiated.opusPayloadType()));
    }

    /** The video section both sides agreed on, once they have, if the peer takes video. */
    public Optional<VideoSection.Negotiated> negotiatedVideo() {
        return onThread(() -> negotiatedVideo);
    }

    /** Trickled candidate lines that did not parse (skipped). */
    public int unparsedCandidates() {
        return onThread(() -> unparsedCandidates);
    }

    /** ICE restarts this side has made (its own and those answering the peer's). */
    public int restarts() {
        return onThread(() -> restarter == null ? 0 : restarter.restarts());
    }

    /** The video stream's transport-wide numbers come from the rate controller, made after the stream. */
    private int reserveTransportSequence() {
        return rate.reserve();
    }

    /** A video packet left: the rate controller records it, unless it went without the extension (-1). */
    private void videoPacketSent(int transportSequence, int ssrc, int sequence, int bytes, long sendNanos,
            boolean retransmission) {
        if (transportSequence >= 0) {
            rate.sent(transportSequence, bytes, sendNanos);
        }
    }

    /** Protects and sends one RTP packet in place (room for the tag after it); false if there are no keys or path. */
    boolean sendRtp(byte[] buf, int off, int len) throws java.io.IOException {
        SecureTransport current = transport;
        return current != null && current.sendRtp(buf, off, len);
    }

    private boolean sendRtcp(byte[] buf, int off, int len) throws java.io.IOException {
        SecureTransport current = transport;
        return current != null && current.sendRtcp(buf, off, len);
    }

    /** Sends close_notify if DTLS is up and releases the sockets; the listener hears CLOSED. Idempotent. */
    @Override
    public void close() {
        if (executor.isShutdown()) {
            return;
        }
        onThread(() -> {
            if (state != CallMediaState.CLOSED) {
                end(CallMediaState.CLOSED);
            }
            return null;
        });
        executor.shutdown();
    }

    // ---- on the session's thread ----

    private void startMedia(AudioSendStream.Setup sending) {
        audioPayloadType = negotiated.opusPayloadType();
        receiveStream.start(negotiated.opusPayloadType());
        sendStream.start(sending);
        negotiatedVideo.ifPresent(this::startVideo);
        reports.start(config.timers(), config.random());
    }

    /**
     * Notes the arrival of a packet carrying a transport-wide sequence number, for the feedback the peer's estimate
     * needs (receive thread).
     */
    private void recordArrival(byte[] buf, int off, int len) {
        int id = transportSequenceId;
        if (id == 0 || feedbackReader.wrap(buf, off, len) < 0 || !feedbackReader.hasExtension()) {
            return;
        }
        ExtensionElements elements = feedbackReader.extensions();
        if (elements.find(id) && elements.length() == TransportSequence.LENGTH) {
            int sequence = TransportSequence.read(buf, elements.offset());
            synchronized (feedbackRecorder) {
                feedbackRecorder.onPacket(sequence, System.nanoTime());
            }
        }
    }

    /**
     * Starts the transport-wide feedback with the peer's first video packet (receive thread): the peer's estimate
     * drives its video, so a call in which the peer sends none needs no feedback.
     */
    private void startTransportFeedback() {
        if (transportSequenceId != 0 && feedbackTimer == null) {
            synchronized (feedbackRecorder) {
                if (feedbackTimer == null && state != CallMediaState.CLOSED && state != CallMediaState.FAILED) {
                    feedbackTimer = config.timers().scheduleWithFixedDelay(this::sendTransportFeedback,
                            FEEDBACK_INTERVAL.toNanos(), FEEDBACK_INTERVAL.toNanos(), TimeUnit.NANOSECONDS);
                }
            }
        }
    }

    /** Every 100 ms: the transport-wide feedback on what arrived since. */
    private void sendTransportFeedback() {
        int mediaSsrc = (int) negotiatedVideo.flatMap(v -> v.peerSsrcs().media().stream().boxed().findFirst())
                .orElse(0L).longValue();
        List<TransportFeedback> feedback;
        synchronized (feedbackRecorder) {
            feedback = feedbackRecorder.buildFeedback((int) sections.audio().sendStream().ssrc(), mediaSsrc);
        }
        for (TransportFeedback message : feedback) {
            reports.sendFeedback(List.of(message));
        }
    }

    private void startVideo(VideoSection.Negotiated video) {
        int rtxPayloadType = video.rtxPayloadType().orElse(0);
        if (video.peerSends()) {
            videoReceive.start(new VideoReceiveStream.Setup(video.vp8PayloadType(), rtxPayloadType,
                    (int) sections.audio().sendStream().ssrc(), (int) video.peerSsrcs().media().orElse(0),
                    (int) video.peerSsrcs().rtx().orElse(0)));
        }
        if (video.peerReceives()) {
            SendStream track = sections.video().sendStream();
            videoSend.start(new VideoSendStream.Setup(video.vp8PayloadType(), rtxPayloadType, (int) track.ssrc(),
                    (int) track.rtxSsrc().orElseThrow(), video.extensions(), video.mid(),
                    rate.startVideoBitrate()));
            rate.start();
        }
        if (video.transportCc()) {
            transportSequenceId = video.extensions().transportSequence();
        }
    }

    private void adopt() {
        restarter = new IceRestarter(transport.agent(), this::restarted);
        transport.handshake().whenCompleteAsync((result, error) -> {
            if (state == CallMediaState.CLOSED || state == CallMediaState.FAILED) {
                return;
            }
            if (error != null) {
                fail(MediaFailure.HANDSHAKE_FAILED, rootMessage(error));
                return;
            }
            secured = true;
            listener.secured(result);
            if (iceConnected) {
                setState(CallMediaState.CONNECTED);
            }
        }, executor);
    }

    /** This side's fresh credentials after an ICE restart: a re-offer of ours, or the answer to the peer's. */
    private void restarted(IceCredentials fresh) {
        executor.execute(() -> {
            if (state == CallMediaState.CLOSED || state == CallMediaState.FAILED) {
                return;
            }
            if (pendingRestartAnswer != null) {
                CompletableFuture<String> answer = pendingRestartAnswer;
                SessionDescription offer = pendingRestartOffer;
                pendingRestartAnswer = null;
                pendingRestartOffer = null;
                try {
                    answer.complete(answerDescription(offer).toSdp());
                } catch (CallNegotiationException e) {
                    answer.completeExceptionally(e);
                }
            } else {
                listener.renegotiationNeeded(reoffer().toSdp());
            }
        });
    }

    private SessionDescription reoffer() {
        return LocalDescriptions.offer(transport, sessionId, sections.offer());
    }

    private SessionDescription answerDescription(SessionDescription offer) throws CallNegotiationException {
        return negotiating(() -> JsepAnswers.create(offer,
                sections.answerOptions(sessionId, LocalDescriptions.transportOf(transport))));
    }

    private void iceStateChanged(IceState ice) {
        restarter.stateChanged(ice);
        switch (ice) {
            case NEW, CHECKING -> setState(everConnected ? CallMediaState.RECONNECTING : CallMediaState.CONNECTING);
            case CONNECTED -> {
                iceConnected = true;
                everConnected = true;
                cancelReconnectDeadline();
                setState(secured ? CallMediaState.CONNECTED : CallMediaState.CONNECTING);
            }
            case DISCONNECTED -> {
                iceConnected = false;
                setState(CallMediaState.RECONNECTING);
                startReconnectDeadline();
            }
            case FAILED -> {
                iceConnected = false;
                if (everConnected) {
                    setState(CallMediaState.RECONNECTING);
                    startReconnectDeadline();
                } else {
                    fail(MediaFailure.NO_PATH, "no candidate pair worked");
                }
            }
            case CLOSED -> iceConnected = false;
        }
    }

    private void startReconnectDeadline() {
        if (reconnectDeadline == null) {
            reconnectDeadline = config.timers().schedule(() -> executor.execute(() -> {
                reconnectDeadline = null;
                if (state == CallMediaState.RECONNECTING) {
                    fail(MediaFailure.PATH_LOST, "no new path within " + config.reconnectWithin().toSeconds() + " s");
                }
            }), config.reconnectWithin().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void cancelReconnectDeadline() {
        if (reconnectDeadline != null) {
            reconnectDeadline.cancel(false);
            reconnectDeadline = null;
        }
    }

    private void fail(MediaFailure failure, String detail) {
        if (state == CallMediaState.FAILED || state == CallMediaState.CLOSED) {
            return;
        }
        end(CallMediaState.FAILED);
        listener.failed(failure, detail);
    }

    private void end(CallMediaState last) {
        cancelReconnectDeadline();
        if (pendingRestartAnswer != null) {
            pendingRestartAnswer.completeExceptionally(new IllegalStateException("the call ended"));
            pendingRestartAnswer = null;
        }
        setState(last);
        if (transport != null) {
            transport.close();
        }
        synchronized (feedbackRecorder) {
            if (feedbackTimer != null) {
                feedbackTimer.cancel(false);
            }
        }
        reports.close();
        receiveStream.close();
        videoSend.close();
        videoReceive.close();
    }

    private void setState(CallMediaState next) {
        if (state == next || state == CallMediaState.CLOSED || state == CallMediaState.FAILED) {
            return;
        }
        state = next;
        listener.stateChanged(next);
    }

    private void feedEarlyCandidates() {
        earlyCandidates.forEach(this::addCandidate);
        earlyCandidates.clear();
    }

    private void addCandidate(String line) {
        if (line.isEmpty()) {
            transport.remoteCandidates().end();
            return;
        }
        try {
            transport.remoteCandidates().add(Candidate.parse(line.startsWith("a=") ? line.substring(2) : line),
                    remoteUfrag);
        } catch (SdpParseException e) {
            unparsedCandidates++;
        }
    }

    private void applyCandidates(PeerTransport peer) {
        for (Candidate candidate : peer.candidates()) {
            transport.remoteCandidates().add(candidate, peer.credentials().ufrag());
        }
        if (peer.endOfCandidates()) {
            transport.remoteCandidates().end();
        }
    }

    private PeerTransport sameCertificate(PeerTransport peer) throws CallNegotiationException {
        if (remoteFingerprint == null || transport == null) {
            throw new CallNegotiationException("a renegotiation needs a call that was set up");
        }
        if (!peer.fingerprint().equals(remoteFingerprint)) {
            throw new CallNegotiationException("the peer's certificate changed mid-call: refused");
        }
        return peer;
    }

    private void requireNew() {
        if (transport != null || state != CallMediaState.NEW) {
            throw new IllegalStateException("this session has offered or answered already");
        }
    }

    private DtlsParameters dtls(DtlsRole role, CertificateFingerprint peer) {
        return new DtlsParameters(role, config.certificate(), peer, config.dtls(), config.random());
    }

    private static SessionDescription parse(String sdp) throws CallNegotiationException {
        try {
            return SessionDescription.parse(Objects.requireNonNull(sdp, "sdp"));
        } catch (SdpParseException e) {
            throw new CallNegotiationException("the peer's description does not parse: " + e.getMessage(), e);
        }
    }

    private static PeerTransport peerTransportOf(SessionDescription description) throws CallNegotiationException {
        return negotiating(() -> PeerTransport.of(description));
    }

    private static <T> T negotiating(SdpStep<T> step) throws CallNegotiationException {
        try {
            return step.run();
        } catch (SdpNegotiationException | IllegalArgumentException e) {
            throw new CallNegotiationException("the peer's description cannot make a call: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static Thread threadOf(ExecutorService executor) {
        try {
            return executor.submit(Thread::currentThread).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the call's thread", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private <T> T onThread(Callable<T> work) {
        try {
            return onThreadNegotiating(work::call);
        } catch (CallNegotiationException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T onThreadNegotiating(NegotiationStep<T> work) throws CallNegotiationException {
        if (Thread.currentThread() == thread) {
            return runStep(work);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(runStep(work));
                } catch (CallNegotiationException | RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the session is closed", e);
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the call's thread", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CallNegotiationException negotiation) {
                throw negotiation;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static <T> T runStep(NegotiationStep<T> work) throws CallNegotiationException {
        try {
            return work.run();
        } catch (CallNegotiationException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A step of SDP handling. */
    @FunctionalInterface
    private interface SdpStep<T> {
        T run() throws SdpNegotiationException;
    }

    /** A step on the session's thread that may refuse the peer's description. */
    @FunctionalInterface
    private interface NegotiationStep<T> {
        T run() throws Exception;
    }

    /** What the peer's RTCP says to the video streams, on the receive thread. */
    private final class Rtcp implements RtcpReporter.Listener {
        @Override
        public void feedback(RtcpPacket packet, long arrivalNanos) {
            switch (packet) {
                case GenericNack nack -> videoSend.onNack(nack);
                case PictureLossIndication pli -> videoSend.onPictureLoss(pli.mediaSsrc());
                case FullIntraRequest fir -> videoSend.onFullIntraRequest(fir);
                case TransportFeedback feedback -> rate.onFeedback(feedback, arrivalNanos);
                default -> { }
            }
        }

        @Override
        public void roundTrip(long nanos) {
            videoSend.setRoundTripNanos(nanos);
            videoReceive.setRoundTripNanos(nanos);
        }
    }

    /** The agent's reports, on the session's thread (the agent's executor). */
    private final class Ice implements IceListener {
        @Override
        public void localCandidate(LocalCandidate candidate, IceCredentials credentials) {
            localGeneration.gathered(candidate, credentials);
            listener.localCandidate(SdpCandidates.toSdp(candidate, credentials).toAttribute());
        }

        @Override
        public void gatheringComplete(IceCredentials credentials) {
            localGeneration.complete(credentials);
            listener.localCandidate("");
        }

        @Override
        public void stateChanged(IceState ice) {
            iceStateChanged(ice);
        }

        @Override
        public void selectedPairChanged(CandidatePair pair) {
        }
    }
}
