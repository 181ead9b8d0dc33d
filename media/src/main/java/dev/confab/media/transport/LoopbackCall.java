package dev.confab.media.transport;

import dev.confab.crypto.dtls.DtlsCertificate;
import dev.confab.crypto.dtls.DtlsConfig;
import dev.confab.crypto.dtls.DtlsParameters;
import dev.confab.crypto.dtls.DtlsRole;
import dev.confab.media.ice.IceAgentConfig;
import dev.confab.media.ice.IceCredentials;
import dev.confab.media.ice.IceListener;
import dev.confab.media.ice.IceRole;
import dev.confab.media.ice.IceState;
import dev.confab.media.ice.LocalCandidate;
import dev.confab.media.ice.RemoteCandidate;
import dev.confab.media.sdp.CodecChoice;
import dev.confab.media.sdp.Direction;
import dev.confab.media.sdp.JsepAnswers;
import dev.confab.media.sdp.LocalMedia;
import dev.confab.media.sdp.MediaDescription;
import dev.confab.media.sdp.RtpFormat;
import dev.confab.media.sdp.RtpMap;
import dev.confab.media.sdp.SdpNegotiationException;
import dev.confab.media.sdp.SdpParseException;
import dev.confab.media.sdp.SessionDescription;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Two {@link SecureTransport}s in this JVM that set up a call over loopback, as two Chromium peer connections in one
 * page do: the offerer starts gathering at time zero, candidates and credentials go straight to the other side, and
 * the offerer's ICE CONNECTED and DTLS completion are timed. Certificates are made before time zero, as a browser makes
 * its certificate when the peer connection is created. The app runs one at start-up ({@link #warmUp}) so that the
 * classes and compiled code a call needs are ready before the first real call; the benchmark times them.
 *
 * <p>Thread contract: one call at a time.
 */
public final class LoopbackCall implements AutoCloseable {

    /**
     * The offerer's times from starting to gather.
     *
     * @param iceConnectedNanos  until ICE CONNECTED
     * @param dtlsConnectedNanos until the SRTP keys were there
     */
    public record Times(long iceConnectedNanos, long dtlsConnectedNanos) {
    }

    /**
     * Sets up one loopback call, sends {@value WarmUpTraffic#PACKETS_EACH_WAY} audio-sized packets each way through it
     * ({@link WarmUpTraffic}), tears it down, and returns how long the whole took.
     */
    public static Duration warmUp() throws Exception {
        long start = System.nanoTime();
        try (LoopbackCall call = new LoopbackCall()) {
            call.measure(true);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static final List<LocalMedia> AUDIO = List.of(new LocalMedia(MediaDescription.AUDIO, "0",
            Direction.SENDRECV, List.of(RtpFormat.of(111, RtpMap.of("opus", 48000, 2))), List.of(), Optional.empty()));

    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
    /** Platform threads, as in a real call: a virtual thread's send would turn the sockets non-blocking. */
    private final ExecutorService dtlsThreads = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().daemon().name("loopback-call-dtls-", 1).factory());
    private final SecureRandom random = new SecureRandom();
    private long warmUpPacketsArrived;

    /** Sets up one call and tears it down; the times are the offerer's. */
    public Times measure() throws Exception {
        return measure(false);
    }

    /**
     * With {@code warmUp}, the two also write and read the offer and answer a real call sends and send each other
     * media, untimed.
     */
    Times measure(boolean warmUp) throws Exception {
        DtlsCertificate offererCert = DtlsCertificate.generate(random, Clock.systemUTC());
        DtlsCertificate answererCert = DtlsCertificate.generate(random, Clock.systemUTC());
        Side offerer = new Side();
        Side answerer = new Side();
        offerer.other = answerer;
        answerer.other = offerer;
        offerer.transport = transport(offerer, IceRole.CONTROLLING, DtlsRole.SERVER, offererCert, answererCert);
        answerer.transport = transport(answerer, IceRole.CONTROLLED, DtlsRole.CLIENT, answererCert, offererCert);
        try {
            long start = System.nanoTime();
            offerer.transport.agent().start().join();
            answerer.transport.agent().remoteCredentials(offerer.transport.agent().localCredentials());
            answerer.transport.agent().start().join();
            offerer.transport.agent().remoteCredentials(answerer.transport.agent().localCredentials());
            long connected = offerer.connected.get(10, TimeUnit.SECONDS);
            offerer.transport.handshake().get(10, TimeUnit.SECONDS);
            long secured = System.nanoTime();
            if (warmUp) {
                describe(offerer, answerer);
                answerer.transport.handshake().get(10, TimeUnit.SECONDS);
                warmUpPacketsArrived = WarmUpTraffic.send(offerer.transport, offerer.received, answerer.transport,
                        answerer.received, WarmUpTraffic.PACKETS_EACH_WAY);
            }
            return new Times(connected - start, secured - start);
        } finally {
            offerer.close();
            answerer.close();
        }
    }

    /** The complete offer and answer, written and read back: the SDP code a real call runs first, warmed. */
    private static void describe(Side offerer, Side answerer) throws SdpParseException, SdpNegotiationException {
        IceCredentials credentials = offerer.transport.agent().localCredentials();
        SessionDescription offer = SessionDescription.parse(LocalDescriptions.withCandidates(
                LocalDescriptions.offer(offerer.transport, 1, AUDIO), offerer.candidates, credentials, true).toSdp());
        PeerTransport.of(offer);
        SessionDescription answer = SessionDescription.parse(JsepAnswers.create(offer,
                LocalDescriptions.answerOptions(answerer.transport, 2, CodecChoice.byName("opus"))).toSdp());
        PeerTransport.of(answer);
    }

    /** The warm-up packets that arrived in the last {@code measure(true)}, both ways together. */
    long warmUpPacketsArrived() {
        return warmUpPacketsArrived;
    }

    private SecureTransport transport(Side side, IceRole iceRole, DtlsRole dtlsRole, DtlsCertificate own,
            DtlsCertificate peer) {
        return SecureTransport.create(IceAgentConfig.defaults().withLoopback(true), iceRole, side.executor, timers,
                random, side, new DtlsParameters(dtlsRole, own, peer.fingerprint(), DtlsConfig.defaults(), random),
                dtlsThreads, side.received);
    }

    @Override
    public void close() {
        timers.shutdownNow();
        dtlsThreads.shutdownNow();
    }

    /** One peer: its transport and executor, the time its ICE first connected, and the media it received. */
    private static final class Side implements IceListener, AutoCloseable {
        private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

        final ExecutorService executor = Executors.newSingleThreadExecutor();
        final WarmUpTraffic.Counter received = new WarmUpTraffic.Counter();
        final CompletableFuture<Long> connected = new CompletableFuture<>();
        final List<LocalCandidate> candidates = new CopyOnWriteArrayList<>();
        SecureTransport transport;
        Side other;

        @Override
        public void localCandidate(LocalCandidate c, IceCredentials credentials) {
            candidates.add(c);
            other.transport.agent().addRemoteCandidate(
                    new RemoteCandidate(c.type(), c.address(), c.priority(), c.foundation()), credentials.ufrag());
        }

        @Override
        public void stateChanged(IceState state) {
            if (state == IceState.CONNECTED) {
                connected.complete(System.nanoTime());
            }
        }

        /**
         * Closes the transport and waits (up to 2 s, interrupted or not) until the executor ran what the agent queued,
         * its release included: the call's timers, shut down next, must outlive every task that may still schedule
         * on them.
         */
        @Override
        public void close() {
            transport.close();
            executor.shutdown();
            boolean interrupted = false;
            long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
            while (!executor.isTerminated() && System.nanoTime() - deadline < 0) {
                try {
                    executor.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true; // a warm-up stopped by a real call still cleans up
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
