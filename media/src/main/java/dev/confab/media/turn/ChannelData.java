package dev.confab.media.turn;

import java.util.Objects;

/**
 * The ChannelData message (RFC 8656 section 12.4): a 2-byte channel number (0x4000 to 0x4FFF), a 2-byte length of
 * the application data, then the data. Over UDP the padding to a multiple of four is optional: Confab sends none
 * unless asked and accepts it, ignoring bytes after the data. First bytes 64 to 79 (RFC 7983). Stateless.
 */
public final class ChannelData {
    /** Size of the channel number and length. */
    public static final int HEADER_SIZE = 4;
    /** Lowest channel number a client may bind. */
    public static final int FIRST_CHANNEL = 0x4000;
    /** Highest channel number a client may bind. */
    public static final int LAST_CHANNEL = 0x4FFF;

    private ChannelData() {}

    /** Whether a datagram can be ChannelData: at least a header and a first byte of 64 to 79. */
    public static boolean looksLikeChannelData(byte[] buf, int off, int len) {
        return len >= HEADER_SIZE && (buf[off] & 0xf0) == 0x40;
    }

    /** The channel number; only for a datagram {@link #looksLikeChannelData}. */
    public static int channel(byte[] buf, int off) {
        return (buf[off] & 0xff) << 8 | buf[off + 1] & 0xff;
    }

    /**
     * The length of the application data, or -1 if the datagram is shorter than the header says (RFC 8656 section
     * 12.6: such a message is discarded). Only for a datagram {@link #looksLikeChannelData}.
     */
    public static int dataLength(byte[] buf, int off, int len) {
        int length = (buf[off + 2] & 0xff) << 8 | buf[off + 3] & 0xff;
        return HEADER_SIZE + length <= len ? length : -1;
    }

    /** Bytes {@link #write} produces for {@code dataLength} bytes of data. */
    public static int size(int dataLength, boolean pad) {
        return HEADER_SIZE + (pad ? (dataLength + 3) & ~3 : dataLength);
    }

    /**
     * Writes a ChannelData message into {@code out} at {@code outOff}.
     *
     * @param pad whether to pad to a multiple of four with zeros (required over TCP, optional over UDP)
     * @return the bytes written, {@link #size}
     */
    public static int write(int channel, byte[] data, int off, int len, byte[] out, int outOff, boolean pad) {
        if (channel < FIRST_CHANNEL || channel > LAST_CHANNEL || len > 0xffff) {
            throw new IllegalArgumentException("channel 0x4000-0x4FFF and at most 65535 bytes: " + channel + ", " + len);
        }
        Objects.checkFromIndexSize(off, len, data.length);
        int size = size(len, pad);
        Objects.checkFromIndexSize(outOff, size, out.length);
        out[outOff] = (byte) (channel >>> 8);
        out[outOff + 1] = (byte) channel;
        out[outOff + 2] = (byte) (len >>> 8);
        out[outOff + 3] = (byte) len;
        System.arraycopy(data, off, out, outOff + HEADER_SIZE, len);
        java.util.Arrays.fill(out, outOff + HEADER_SIZE + len, outOff + size, (byte) 0);
        return size;
    }
}
