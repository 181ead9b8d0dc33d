package dev.confab.media.stun;

import java.time.Duration;

/**
 * LIFETIME (RFC 8656 section 18.2): seconds until a TURN allocation expires, asked for in Allocate and Refresh
 * requests (0 deletes it) and granted in their responses. Immutable.
 *
 * @param seconds an unsigned 32-bit number of seconds
 */
public record Lifetime(long seconds) implements StunAttribute {
    public static final int TYPE = 0x000D;

    public Lifetime {
        if (seconds < 0 || seconds > 0xffff_ffffL) {
            throw new IllegalArgumentException("LIFETIME is an unsigned 32-bit number of seconds: " + seconds);
        }
    }

    /** The lifetime as a duration. */
    public Duration duration() {
        return Duration.ofSeconds(seconds);
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int size() {
        return 4;
    }

    @Override
    public void marshal(byte[] out, int off, TransactionId transactionId) {
        WireBytes.put32(out, off, seconds);
    }

    static Lifetime parse(byte[] buf, int off, int len) throws AttributeFormatException {
        AttributeFormatException.requireLength("LIFETIME", len, 4);
        return new Lifetime(WireBytes.u32(buf, off));
    }
}
