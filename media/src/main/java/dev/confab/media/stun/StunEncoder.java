package dev.confab.media.stun;

import java.util.List;

/**
 * Encodes a {@link StunMessage}: header, attributes padded with zeros, then the integrity attribute its key signs
 * with, then FINGERPRINT (RFC 8489 sections 5, 14.5 to 14.7). Integrity and fingerprint attributes in the message's
 * list are skipped: they are computed here. Stateless.
 */
final class StunEncoder {
    private StunEncoder() {}

    static byte[] encode(StunMessage message, IntegrityKey key, boolean fingerprint) {
        List<StunAttribute> attributes = message.attributes().stream().filter(StunEncoder::written).toList();
        int integritySize = key == null ? 0
                : key.algorithm() == IntegrityKey.Algorithm.HMAC_SHA1 ? MessageIntegrity.SIZE : MessageIntegritySha256.SIZE;
        int size = StunMessage.HEADER_SIZE + (key == null ? 0 : 4 + integritySize) + (fingerprint ? 8 : 0);
        for (StunAttribute attribute : attributes) {
            size += 4 + WireBytes.padded(attribute.size());
        }
        if (size > StunMessage.MAX_SIZE) {
            throw new IllegalArgumentException("a STUN message is at most " + StunMessage.MAX_SIZE + " bytes: " + size);
        }
        byte[] out = new byte[size];
        WireBytes.put16(out, 0, message.method().type(message.messageClass()));
        WireBytes.put16(out, 2, size - StunMessage.HEADER_SIZE);
        WireBytes.put32(out, 4, StunMessage.MAGIC_COOKIE);
        message.transactionId().writeToHeader(out, 0);
        int at = StunMessage.HEADER_SIZE;
        for (StunAttribute attribute : attributes) {
            writeHeader(out, at, attribute.type(), attribute.size());
            attribute.marshal(out, at + 4, message.transactionId());
            at += 4 + WireBytes.padded(attribute.size());
        }
        if (key != null) {
            int type = key.algorithm() == IntegrityKey.Algorithm.HMAC_SHA1
                    ? MessageIntegrity.TYPE : MessageIntegritySha256.TYPE;
            byte[] hmac = MessageChecksums.hmac(out, at, integritySize, key.algorithm(), key.bytes());
            writeHeader(out, at, type, integritySize);
            System.arraycopy(hmac, 0, out, at + 4, integritySize);
            at += 4 + integritySize;
        }
        if (fingerprint) {
            writeHeader(out, at, Fingerprint.TYPE, 4);
            WireBytes.put32(out, at + 4, MessageChecksums.fingerprint(out, at));
        }
        return out;
    }

    private static boolean written(StunAttribute attribute) {
        return !(attribute instanceof IntegrityAttribute || attribute instanceof Fingerprint);
    }

    private static void writeHeader(byte[] out, int at, int type, int length) {
        WireBytes.put16(out, at, type);
        WireBytes.put16(out, at + 2, length);
    }
}
