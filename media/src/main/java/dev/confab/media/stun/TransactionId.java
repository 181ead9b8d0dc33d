package dev.confab.media.stun;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * The 96-bit transaction id of a STUN message (RFC 8489 section 5), held as its first 64 and last 32 bits so that it
 * is a plain value. Immutable.
 *
 * @param high bytes 8 to 15 of the header
 * @param low  bytes 16 to 19 of the header
 */
public record TransactionId(long high, int low) {

    /**
     * A new id. RFC 8489 asks for ids chosen uniformly at random from a cryptographically strong source, so that
     * nobody off the path can forge a response: pass a {@link java.security.SecureRandom} outside tests.
     */
    public static TransactionId random(RandomGenerator random) {
        return new TransactionId(random.nextLong(), random.nextInt());
    }

    /** The id at {@code at + 8} of a message starting at {@code at}. */
    static TransactionId readFromHeader(byte[] buf, int at) {
        return new TransactionId(WireBytes.i64(buf, at + 8), WireBytes.i32(buf, at + 16));
    }

    /** Writes the id into bytes 8 to 19 of the header starting at {@code at}. */
    void writeToHeader(byte[] buf, int at) {
        WireBytes.put64(buf, at + 8, high);
        WireBytes.put32(buf, at + 16, low);
    }

    /** The 12 bytes, as on the wire. */
    public byte[] bytes() {
        byte[] bytes = new byte[20];
        writeToHeader(bytes, 0);
        return java.util.Arrays.copyOfRange(bytes, 8, 20);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes());
    }
}
