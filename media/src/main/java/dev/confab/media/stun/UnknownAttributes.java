package dev.confab.media.stun;

import java.util.ArrayList;
import java.util.List;

/**
 * UNKNOWN-ATTRIBUTES (RFC 8489 section 14.13): in a 420 response, the comprehension-required attribute types the
 * server did not understand. Immutable.
 *
 * @param types the 16-bit attribute types
 */
public record UnknownAttributes(List<Integer> types) implements StunAttribute {
    public static final int TYPE = 0x000A;

    public UnknownAttributes {
        types = List.copyOf(types);
        if (types.size() > 0x7fff || types.stream().anyMatch(t -> t < 0 || t > 0xffff)) {
            throw new IllegalArgumentException("attribute types are 16 bits, at most 32767 of them: " + types);
        }
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int size() {
        return 2 * types.size();
    }

    @Override
    public void marshal(byte[] out, int off, TransactionId transactionId) {
        for (int i = 0; i < types.size(); i++) {
            WireBytes.put16(out, off + 2 * i, types.get(i));
        }
    }

    static UnknownAttributes parse(byte[] buf, int off, int len) throws AttributeFormatException {
        if (len % 2 != 0) {
            throw new AttributeFormatException("UNKNOWN-ATTRIBUTES has an odd length: " + len);
        }
        List<Integer> types = new ArrayList<>(len / 2);
        for (int at = off; at < off + len; at += 2) {
            types.add(WireBytes.u16(buf, at));
        }
        return new UnknownAttributes(types);
    }
}
