package dev.confab.media.stun;

/**
 * CHANNEL-NUMBER (RFC 8656 section 18.1): the channel a ChannelBind request binds. TURN clients use 0x4000 to
 * 0x4FFF; any 16-bit value decodes, for the caller to refuse. Immutable.
 *
 * @param channel the 16-bit channel number
 */
public record ChannelNumber(int channel) implements StunAttribute {
    public static final int TYPE = 0x000C;

    public ChannelNumber {
        if (channel < 0 || channel > 0xffff) {
            throw new IllegalArgumentException("a channel number has 16 bits: " + channel);
        }
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
        WireBytes.put16(out, off, channel);
        WireBytes.put16(out, off + 2, 0);
    }

    static ChannelNumber parse(byte[] buf, int off, int len) throws AttributeFormatException {
        AttributeFormatException.requireLength("CHANNEL-NUMBER", len, 4);
        return new ChannelNumber(WireBytes.u16(buf, off));
    }
}
