package dev.confab.media.stun;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * A request for {@link StunClientTransactions#start}: the message, where it goes, the key that signs it and must sign
 * the response, whether to add FINGERPRINT (on by default, as ICE requires), and how to retransmit. Immutable.
 *
 * @param message        a request-class message
 * @param destination    the server or peer
 * @param key            the integrity key, if the request is signed
 * @param fingerprint    whether FINGERPRINT is added
 * @param retransmission the retransmission timers
 */
public record StunRequest(StunMessage message, InetSocketAddress destination, Optional<IntegrityKey> key,
        boolean fingerprint, RetransmissionPolicy retransmission) {

    public StunRequest {
        if (message.messageClass() != StunClass.REQUEST) {
            throw new IllegalArgumentException("a transaction starts with a request, not a " + message.messageClass());
        }
        AddressValue.require(destination);
    }

    /** An unsigned request with FINGERPRINT and RFC 8489's timers. */
    public static StunRequest to(InetSocketAddress destination, StunMessage message) {
        return new StunRequest(message, destination, Optional.empty(), true, RetransmissionPolicy.RFC_8489);
    }

    /** This request signed with {@code key}; responses must then pass it (see {@link StunClientTransactions}). */
    public StunRequest signedWith(IntegrityKey key) {
        return new StunRequest(message, destination, Optional.of(key), fingerprint, retransmission);
    }

    /** This request with or without FINGERPRINT. */
    public StunRequest withFingerprint(boolean fingerprint) {
        return new StunRequest(message, destination, key, fingerprint, retransmission);
    }

    /** This request with other retransmission timers. */
    public StunRequest retransmitting(RetransmissionPolicy retransmission) {
        return new StunRequest(message, destination, key, fingerprint, retransmission);
    }

    /** The datagram to send, the same for every retransmission. */
    byte[] encode() {
        return key.map(k -> message.encode(k, fingerprint)).orElseGet(() -> message.encode(fingerprint));
    }
}
