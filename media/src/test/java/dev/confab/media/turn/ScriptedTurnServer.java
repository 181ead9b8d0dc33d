package dev.confab.media.turn;

import dev.confab.media.stun.DatagramSender;
import dev.confab.media.stun.Lifetime;
import dev.confab.media.stun.StunAttribute;
import dev.confab.media.stun.StunClass;
import dev.confab.media.stun.StunDecoding;
import dev.confab.media.stun.StunMessage;
import dev.confab.media.stun.StunMethod;
import dev.confab.media.stun.XorMappedAddress;
import dev.confab.media.stun.XorRelayedAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * An in-memory stand-in for a TURN server in fuzz runs, where a real coturn per input would be far too slow: it
 * grants every request without authentication, and {@link #deliver} hands its queued answers to the client. The
 * behaviour against a real server is what the coturn tests check. Not thread-safe: one fuzzing thread.
 */
final class ScriptedTurnServer implements DatagramSender {
    private final InetSocketAddress relayed;
    private final InetSocketAddress mapped;
    private final Queue<byte[]> answers = new ArrayDeque<>();

    ScriptedTurnServer(InetSocketAddress relayed, InetSocketAddress mapped) {
        this.relayed = relayed;
        this.mapped = mapped;
    }

    @Override
    public void send(byte[] buf, int off, int len, InetSocketAddress destination) {
        if (StunMessage.decode(buf, off, len) instanceof StunDecoding.Decoded(StunMessage request)
                && request.messageClass() == StunClass.REQUEST) {
            StunAttribute[] granted = request.method().equals(StunMethod.ALLOCATE)
                    ? new StunAttribute[] {new XorRelayedAddress(relayed), new XorMappedAddress(mapped), new Lifetime(600)}
                    : request.method().equals(StunMethod.REFRESH) ? new StunAttribute[] {new Lifetime(600)}
                    : new StunAttribute[0];
            answers.add(request.successResponse(granted).encode(true));
        }
    }

    /** Gives every queued answer to the client; returns whether there were any. */
    boolean deliver(TurnClient client) {
        boolean any = !answers.isEmpty();
        while (!answers.isEmpty()) {
            byte[] answer = answers.poll();
            client.receive(answer, 0, answer.length);
        }
        return any;
    }
}
