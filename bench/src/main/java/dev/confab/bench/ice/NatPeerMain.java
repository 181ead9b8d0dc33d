package dev.confab.bench.ice;

import dev.confab.crypto.dtls.DtlsCertificate;
import dev.confab.crypto.dtls.DtlsConfig;
import dev.confab.crypto.dtls.DtlsParameters;
import dev.confab.media.ice.IceAgentConfig;
import dev.confab.media.ice.IceCredentials;
import dev.confab.media.ice.IceListener;
import dev.confab.media.ice.IceRole;
import dev.confab.media.ice.IceState;
import dev.confab.media.ice.LocalCandidate;
import dev.confab.media.sdp.CodecChoice;
import dev.confab.media.sdp.Direction;
import dev.confab.media.sdp.JsepAnswers;
import dev.confab.media.sdp.LocalMedia;
import dev.confab.media.sdp.MediaDescription;
import dev.confab.media.sdp.RtpFormat;
import dev.confab.media.sdp.RtpMap;
import dev.confab.media.sdp.SessionDescription;
import dev.confab.media.transport.LocalDescriptions;
import dev.confab.media.transport.LoopbackCall;
import dev.confab.media.transport.MediaReceiver;
import dev.confab.media.transport.PeerTransport;
import dev.confab.media.transport.SecureTransport;
import dev.confab.testkit.net.ControlLoop;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One Confab peer of {@link NatConnectTimes}, in its own JVM inside a lab host's namespace, driven over a
 * {@link ControlLoop}. Descriptions are complete (every candidate, {@code a=end-of-candidates}), sent as Base64 of the
 * SDP text; times are milliseconds from this peer's time zero: for the offerer, just before it starts gathering (its
 * transport and certificate made before), for the answerer, when the offer arrived.
 *
 * <pre>
 * offer STUN-IP:PORT            -> offer SDP64 READY-MS            (time zero, gather, the complete offer)
 * answer STUN-IP:PORT SDP64     -> answer SDP64 BUSY-MS            (the complete answer and how long it took)
 * answered SDP64                -> applied APPLIED-MS              (the offerer takes the answer)
 * times                         -> times ICE-MS DTLS-MS            (waits until ICE is connected and DTLS done)
 * close                         -> closed                          (ready for the next call)
 * </pre>
 *
 * With the argument {@code startup} it first runs the app's start-up warm-up ({@link LoopbackCall#warmUp}).
 */
public final class NatPeerMain {
    private static final List<LocalMedia> AUDIO = List.of(new LocalMedia(MediaDescription.AUDIO, "0",
            Direction.SENDRECV, List.of(RtpFormat.of(111, RtpMap.of("opus", 48000, 2))), List.of(), Optional.empty()));
    private static final long WAIT_SECONDS = 20;

    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
    private final ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor();
    private final SecureRandom random = new SecureRandom();
    private DtlsCertificate certificate = newCertificate();
    private Call call;

    private NatPeerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("startup")) {
            LoopbackCall.warmUp();
        }
        NatPeerMain peer = new NatPeerMain();
        ControlLoop.run(peer::handle);
        System.exit(0);
    }

    private String handle(String line) {
        String[] words = line.split(" ");
        try {
            return switch (words[0]) {
                case "offer" -> offer(stun(words[1]));
                case "answer" -> answer(stun(words[1]), decode(words[2]));
                case "answered" -> answered(decode(words[1]));
                case "times" -> times();
                case "close" -> close();
                default -> throw new IllegalArgumentException("unknown command " + words[0]);
            };
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // ControlLoop answers a RuntimeException with an error line.
            throw new IllegalStateException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private String offer(InetSocketAddress stun) throws Exception {
        call = new Call();
        call.transport = SecureTransport.createOffering(config(stun), call.executor, timers, random, call,
                certificate, virtual, MediaReceiver.DISCARD);
        call.zero = System.nanoTime();
        call.transport.agent().start();
        IceCredentials credentials = call.gathered.get(WAIT_SECONDS, TimeUnit.SECONDS);
        String sdp = LocalDescriptions.withCandidates(LocalDescriptions.offer(call.transport, 1, AUDIO),
                call.candidates, credentials, true).toSdp();
        return "offer " + encode(sdp) + " " + call.millisSinceZero();
    }

    private String answer(InetSocketAddress stun, String offerSdp) throws Exception {
        call = new Call();
        call.zero = System.nanoTime();
        SessionDescription offer = SessionDescription.parse(offerSdp);
        PeerTransport offered = PeerTransport.of(offer);
        call.transport = SecureTransport.create(config(stun), IceRole.CONTROLLED, call.executor, timers, random, call,
                new DtlsParameters(offered.roleAsAnswerer(), certificate, offered.fingerprint(), DtlsConfig.defaults(),
                        random), virtual, MediaReceiver.DISCARD);
        call.transport.agent().start();
        offered.applyTo(call.transport);
        IceCredentials credentials = call.gathered.get(WAIT_SECONDS, TimeUnit.SECONDS);
        SessionDescription answer = JsepAnswers.create(offer,
                LocalDescriptions.answerOptions(call.transport, 2, CodecChoice.byName("opus")));
        String sdp = LocalDescriptions.withCandidates(answer, call.candidates, credentials, true).toSdp();
        return "answer " + encode(sdp) + " " + call.millisSinceZero();
    }

    private String answered(String answerSdp) throws Exception {
        PeerTransport answered = PeerTransport.of(SessionDescription.parse(answerSdp));
        answered.applyTo(call.transport);
        call.transport.answered(new DtlsParameters(answered.roleAsOfferer(), certificate, answered.fingerprint(),
                DtlsConfig.defaults(), random));
        return "applied " + call.millisSinceZero();
    }

    private String times() throws Exception {
        long connected = call.connected.get(WAIT_SECONDS, TimeUnit.SECONDS);
        call.transport.handshake().get(WAIT_SECONDS, TimeUnit.SECONDS);
        long secured = System.nanoTime();
        return String.format(Locale.ROOT, "times %.3f %.3f", (connected - call.zero) / 1e6,
                (secured - call.zero) / 1e6);
    }

    /** Ends the call and makes the next call's certificate, as the app does between calls. */
    private String close() {
        call.close();
        call = null;
        certificate = newCertificate();
        return "closed";
    }

    private DtlsCertificate newCertificate() {
        return DtlsCertificate.generate(random, Clock.systemUTC());
    }

    private static IceAgentConfig config(InetSocketAddress stun) {
        return IceAgentConfig.defaults().withStunServers(List.of(stun));
    }

    private static InetSocketAddress stun(String ipAndPort) {
        int colon = ipAndPort.lastIndexOf(':');
        return new InetSocketAddress(ipAndPort.substring(0, colon), Integer.parseInt(ipAndPort.substring(colon + 1)));
    }

    /** SDP as one word for the control channel: Base64 of its UTF-8 text. */
    static String encode(String sdp) {
        return Base64.getEncoder().encodeToString(sdp.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    /** One call: the transport, its executor, its candidates and when it connected. */
    private static final class Call implements IceListener, AutoCloseable {
        final ExecutorService executor = Executors.newSingleThreadExecutor();
        final List<LocalCandidate> candidates = new CopyOnWriteArrayList<>();
        final CompletableFuture<IceCredentials> gathered = new CompletableFuture<>();
        final CompletableFuture<Long> connected = new CompletableFuture<>();
        SecureTransport transport;
        long zero;

        String millisSinceZero() {
            return String.format(Locale.ROOT, "%.3f", (System.nanoTime() - zero) / 1e6);
        }

        @Override
        public void localCandidate(LocalCandidate candidate, IceCredentials credentials) {
            candidates.add(candidate);
        }

        @Override
        public void gatheringComplete(IceCredentials credentials) {
            gathered.complete(credentials);
        }

        @Override
        public void stateChanged(IceState state) {
            if (state == IceState.CONNECTED) {
                connected.complete(System.nanoTime());
            }
        }

        @Override
        public void close() {
            transport.close();
            executor.shutdown();
        }
    }
}
