package dev.confab.bench.calls;

import dev.confab.crypto.dtls.DtlsCertificate;
import dev.confab.media.call.CallMediaState;
import dev.confab.media.call.CallSession;
import dev.confab.media.call.CallSessionConfig;
import dev.confab.media.call.CallSessionListener;
import dev.confab.media.call.CandidateTrickle;
import dev.confab.media.ice.IceAgentConfig;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Two {@link CallSession}s in this JVM connected on loopback, a talker that offers and a listener that answers, with
 * the signaling done directly between them (offer, answer, trickled candidates): a call's media without a server.
 *
 * <p>Thread contract: the sessions are thread-safe; {@link #close()} ends them and their threads.
 */
final class LoopbackSessions implements AutoCloseable {
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
    private final ExecutorService dtls = Executors.newVirtualThreadPerTaskExecutor();
    private final Side talker = new Side();
    private final Side listener = new Side();

    /** Connects the two sessions and waits until both are connected. */
    LoopbackSessions() throws Exception {
        try {
            talker.session = session(talker);
            listener.session = session(listener);
            String answer = listener.session.acceptOffer(talker.session.createOffer());
            listener.sendTo(talker);
            talker.session.acceptAnswer(answer);
            talker.sendTo(listener);
            if (!talker.connected.await(15, TimeUnit.SECONDS) || !listener.connected.await(15, TimeUnit.SECONDS)) {
                throw new TimeoutException("the two sessions did not connect");
            }
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** The session whose microphone is fed. */
    CallSession talker() {
        return talker.session;
    }

    /** The session whose speaker is played. */
    CallSession listener() {
        return listener.session;
    }

    private CallSession session(CallSessionListener owner) {
        SecureRandom random = new SecureRandom();
        return CallSession.create(CallSessionConfig.of(IceAgentConfig.defaults().withLoopback(true),
                DtlsCertificate.generate(random, Clock.systemUTC()), timers, dtls, random), owner);
    }

    @Override
    public void close() {
        for (Side side : List.of(talker, listener)) {
            if (side.session != null) {
                side.session.close();
            }
        }
        timers.shutdownNow();
        dtls.shutdownNow();
    }

    /** One session's owner: holds its candidates until its description went out, then trickles them to the peer. */
    private static final class Side implements CallSessionListener {
        final CountDownLatch connected = new CountDownLatch(1);
        volatile CallSession session;
        private volatile Side peer;
        private final CandidateTrickle trickle = new CandidateTrickle(line -> peer.session.addRemoteCandidate(line));

        void sendTo(Side to) {
            peer = to;
            trickle.descriptionSent();
        }

        @Override
        public void localCandidate(String line) {
            trickle.candidate(line);
        }

        @Override
        public void stateChanged(CallMediaState state) {
            if (state == CallMediaState.CONNECTED) {
                connected.countDown();
            }
        }
    }
}
