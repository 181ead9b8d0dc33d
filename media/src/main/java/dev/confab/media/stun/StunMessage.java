package dev.confab.media.stun;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A STUN message (RFC 8489 section 5): method, class, transaction id and attributes in order. Built with
 * {@link #request} and friends and turned into bytes with {@link #encode}; or decoded from a datagram with
 * {@link #decode}, in which case it keeps the bytes it came from so that {@link #verifyIntegrity} can check them.
 * Equality looks at method, class, id and attributes only. Immutable and thread-safe.
 */
public final class StunMessage {
    /** The fixed value in bytes 4 to 7 of every RFC 5389/8489 message. */
    public static final int MAGIC_COOKIE = 0x2112A442;
    /** Size of the header: type, length, cookie, transaction id. */
    public static final int HEADER_SIZE = 20;
    /** The largest message the 16-bit length field allows (lengths are multiples of four). */
    public static final int MAX_SIZE = HEADER_SIZE + 0xfffc;

    /** The bytes a decoded message came from, and where its integrity attributes start in them (-1: absent). */
    record Received(byte[] bytes, int integrityAt, int integritySha256At) {}

    private final StunMethod method;
    private final StunClass messageClass;
    private final TransactionId transactionId;
    private final List<StunAttribute> attributes;
    private final Received received;

    StunMessage(StunMethod method, StunClass messageClass, TransactionId transactionId, List<StunAttribute> attributes,
            Received received) {
        this.method = Objects.requireNonNull(method, "method");
        this.messageClass = Objects.requireNonNull(messageClass, "messageClass");
        this.transactionId = Objects.requireNonNull(transactionId, "transactionId");
        this.attributes = List.copyOf(attributes);
        this.received = received;
    }

    /** A message to encode. */
    public static StunMessage of(StunMethod method, StunClass messageClass, TransactionId transactionId,
            List<StunAttribute> attributes) {
        return new StunMessage(method, messageClass, transactionId, attributes, null);
    }

    /** A request to encode. */
    public static StunMessage request(StunMethod method, TransactionId transactionId, StunAttribute... attributes) {
        return of(method, StunClass.REQUEST, transactionId, List.of(attributes));
    }

    /** An indication to encode. */
    public static StunMessage indication(StunMethod method, TransactionId transactionId, StunAttribute... attributes) {
        return of(method, StunClass.INDICATION, transactionId, List.of(attributes));
    }

    /** A success response to this request: same method and transaction id. */
    public StunMessage successResponse(StunAttribute... attributes) {
        requireRequest();
        return of(method, StunClass.SUCCESS_RESPONSE, transactionId, List.of(attributes));
    }

    /** An error response to this request: same method and transaction id, ERROR-CODE first. */
    public StunMessage errorResponse(ErrorCode error, StunAttribute... more) {
        requireRequest();
        List<StunAttribute> all = new ArrayList<>(List.of(more));
        all.addFirst(error);
        return of(method, StunClass.ERROR_RESPONSE, transactionId, all);
    }

    /**
     * Decodes one datagram (or the part of it from {@code off}, {@code len} bytes). Checks FINGERPRINT when present,
     * but not integrity, which needs a key: call {@link #verifyIntegrity}. Never throws on bad input.
     *
     * @throws IndexOutOfBoundsException if {@code off} and {@code len} do not fit in {@code buf} (a caller's bug)
     */
    public static StunDecoding decode(byte[] buf, int off, int len) {
        return StunDecoder.decode(buf, off, len);
    }

    /**
     * Whether a datagram looks like STUN: at least a header, the first two bits zero (RFC 7983: first byte 0 to 3)
     * and the magic cookie in place. A quick test for a demultiplexer; {@link #decode} does the full check.
     */
    public static boolean looksLikeStun(byte[] buf, int off, int len) {
        return len >= HEADER_SIZE && (buf[off] & 0xc0) == 0 && WireBytes.i32(buf, off + 4) == MAGIC_COOKIE;
    }

    /** The message without MESSAGE-INTEGRITY or FINGERPRINT. */
    public byte[] encode() {
        return StunEncoder.encode(this, null, false);
    }

    /** The message, with FINGERPRINT last if {@code fingerprint} (ICE requires it, RFC 8445 section 7.1). */
    public byte[] encode(boolean fingerprint) {
        return StunEncoder.encode(this, null, fingerprint);
    }

    /**
     * The message signed with {@code key} (MESSAGE-INTEGRITY or MESSAGE-INTEGRITY-SHA256, as the key's algorithm says),
     * with FINGERPRINT last if {@code fingerprint}.
     *
     * @throws IllegalArgumentException if the message would be larger than {@link #MAX_SIZE}
     */
    public byte[] encode(IntegrityKey key, boolean fingerprint) {
        return StunEncoder.encode(this, Objects.requireNonNull(key, "key"), fingerprint);
    }

    /**
     * Checks every integrity attribute the message carries against {@code key}, over the bytes it was decoded from.
     *
     * @throws IllegalStateException if this message was built rather than decoded
     */
    public IntegrityVerdict verifyIntegrity(IntegrityKey key) {
        if (received == null) {
            throw new IllegalStateException("only a decoded message has bytes to verify");
        }
        if (received.integrityAt() < 0 && received.integritySha256At() < 0) {
            return IntegrityVerdict.ABSENT;
        }
        boolean valid = matches(received.integrityAt(), IntegrityKey.Algorithm.HMAC_SHA1, key)
                && matches(received.integritySha256At(), IntegrityKey.Algorithm.HMAC_SHA256, key);
        return valid ? IntegrityVerdict.VALID : IntegrityVerdict.INVALID;
    }

    private boolean matches(int at, IntegrityKey.Algorithm algorithm, IntegrityKey key) {
        if (at < 0) {
            return true;
        }
        byte[] bytes = received.bytes();
        int length = WireBytes.u16(bytes, at + 2);
        byte[] expected = MessageChecksums.hmac(bytes, at, length, algorithm, key.bytes());
        return MessageDigest.isEqual(Arrays.copyOf(expected, length), Arrays.copyOfRange(bytes, at + 4, at + 4 + length));
    }

    public StunMethod method() {
        return method;
    }

    public StunClass messageClass() {
        return messageClass;
    }

    public TransactionId transactionId() {
        return transactionId;
    }

    /** All attributes, in order (for a decoded message, without those RFC 8489 says to ignore). */
    public List<StunAttribute> attributes() {
        return attributes;
    }

    /** The first attribute of the given kind. */
    public <T extends StunAttribute> Optional<T> attribute(Class<T> kind) {
        return attributes.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    /** Every attribute of the given kind, in order. */
    public <T extends StunAttribute> List<T> attributes(Class<T> kind) {
        return attributes.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The comprehension-required types Confab does not know, for a 420 response's UNKNOWN-ATTRIBUTES. */
    public List<Integer> unknownComprehensionRequired() {
        return attributes(RawAttribute.class).stream().filter(RawAttribute::comprehensionRequired)
                .map(RawAttribute::type).toList();
    }

    /** Whether this is a request with this method. */
    public boolean isRequest(StunMethod expected) {
        return messageClass == StunClass.REQUEST && method.equals(expected);
    }

    private void requireRequest() {
        if (messageClass != StunClass.REQUEST) {
            throw new IllegalStateException("only a request has responses, this is a " + messageClass);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StunMessage other && method.equals(other.method) && messageClass == other.messageClass
                && transactionId.equals(other.transactionId) && attributes.equals(other.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, messageClass, transactionId, attributes);
    }

    @Override
    public String toString() {
        return method + " " + messageClass + " " + transactionId + " " + attributes;
    }
}
