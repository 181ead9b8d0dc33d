package dev.confab.media.stun;

import java.util.Arrays;

/** DATA (RFC 8656 section 18.4): the application datagram a Send or Data indication carries. Immutable. */
public record Data(byte[] bytes) implements StunAttribute {
    public static final int TYPE = 0x0013;

    /** A DATA attribute holding a copy of {@code bytes}. */
    public Data {
        bytes = bytes.clone();
    }

    /** A DATA attribute holding a copy of {@code len} bytes at {@code off}. */
    public static Data copyOf(byte[] buf, int off, int len) {
        return new Data(Arrays.copyOfRange(buf, off, off + len));
    }

    /** A copy of the datagram. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int size() {
        return bytes.length;
    }

    @Override
    public void marshal(byte[] out, int off, TransactionId transactionId) {
        System.arraycopy(bytes, 0, out, off, bytes.length);
    }

    static Data parse(byte[] buf, int off, int len) {
        return copyOf(buf, off, len);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Data other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Data[" + bytes.length + " bytes]";
    }
}
