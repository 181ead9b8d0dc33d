package dev.confab.media.turn;

import dev.confab.media.stun.Data;
import dev.confab.media.stun.StunClass;
import dev.confab.media.stun.StunDecoding;
import dev.confab.media.stun.StunMessage;
import dev.confab.media.stun.StunMethod;
import dev.confab.media.stun.TransactionId;
import dev.confab.media.stun.XorPeerAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;

/** Send and Data indications (RFC 8656 sections 10 and 11) and the checks on what the server sends. Stateless. */
final class RelayedData {
    private RelayedData() {}

    /** A datagram a Data indication carried from a peer. */
    record PeerDatagram(InetSocketAddress peer, byte[] bytes) {}

    /**
     * A Send indication carrying {@code len} bytes at {@code off} to {@code peer}, with FINGERPRINT. Indications are
     * not matched to anything, so their ids need no strong randomness.
     */
    static byte[] sendIndication(InetSocketAddress peer, byte[] buf, int off, int len) {
        return StunMessage.indication(StunMethod.SEND, TransactionId.random(ThreadLocalRandom.current()),
                new XorPeerAddress(peer), Data.copyOf(buf, off, len)).encode(true);
    }

    /** The STUN message in a datagram, or empty if it is not one. */
    static Optional<StunMessage> decode(byte[] buf, int off, int len) {
        return StunMessage.decode(buf, off, len) instanceof StunDecoding.Decoded(StunMessage message)
                ? Optional.of(message) : Optional.empty();
    }

    /** The peer and data of a Data indication that has both (RFC 8656 section 11.6), or empty. */
    static Optional<PeerDatagram> dataIndication(StunMessage message) {
        if (message.messageClass() != StunClass.INDICATION || !message.method().equals(StunMethod.DATA)) {
            return Optional.empty();
        }
        Optional<XorPeerAddress> peer = message.attribute(XorPeerAddress.class);
        Optional<Data> data = message.attribute(Data.class);
        return peer.isPresent() && data.isPresent()
                ? Optional.of(new PeerDatagram(peer.get().address(), data.get().bytes())) : Optional.empty();
    }

    /** The attribute a success response must carry, or a {@link TurnFailure#BAD_RESPONSE} failure. */
    static <T> T require(Optional<T> attribute, String name) {
        return attribute.orElseThrow(() -> new CompletionException(
                new TurnException(TurnFailure.BAD_RESPONSE, "success response without " + name)));
    }
}
