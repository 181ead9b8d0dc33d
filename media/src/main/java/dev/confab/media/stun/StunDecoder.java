package dev.confab.media.stun;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes one datagram into a {@link StunMessage} (RFC 8489 sections 5, 14 and 14.7). It never throws on bad input and
 * allocates at most a copy of the input plus one record per attribute. Attributes after MESSAGE-INTEGRITY other than
 * MESSAGE-INTEGRITY-SHA256 and FINGERPRINT, after MESSAGE-INTEGRITY-SHA256 other than FINGERPRINT, and after
 * FINGERPRINT are ignored, as RFC 8489 sections 14.5 to 14.7 require. Stateless.
 */
final class StunDecoder {
    private StunDecoder() {}

    static StunDecoding decode(byte[] buf, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, buf.length);
        if (len < StunMessage.HEADER_SIZE) {
            return failed(StunDecodeFailure.TOO_SHORT, "a STUN header is 20 bytes, got " + len);
        }
        if ((buf[off] & 0xc0) != 0) {
            return failed(StunDecodeFailure.NOT_STUN, String.format("first byte 0x%02x is not STUN", buf[off]));
        }
        int bodyLength = WireBytes.u16(buf, off + 2);
        if (bodyLength % 4 != 0 || StunMessage.HEADER_SIZE + bodyLength != len) {
            return failed(StunDecodeFailure.BAD_LENGTH, "header says " + bodyLength
                    + " bytes of attributes, the datagram has " + (len - StunMessage.HEADER_SIZE));
        }
        if (WireBytes.i32(buf, off + 4) != StunMessage.MAGIC_COOKIE) {
            return failed(StunDecodeFailure.BAD_COOKIE, String.format("magic cookie 0x%08x", WireBytes.i32(buf, off + 4)));
        }
        byte[] message = Arrays.copyOfRange(buf, off, off + len);
        return attributes(message);
    }

    private static StunDecoding attributes(byte[] message) {
        int type = WireBytes.u16(message, 0);
        TransactionId id = TransactionId.readFromHeader(message, 0);
        List<StunAttribute> attributes = new ArrayList<>();
        int integrityAt = -1;
        int integritySha256At = -1;
        int fingerprintAt = -1;
        for (int at = StunMessage.HEADER_SIZE; at < message.length && fingerprintAt < 0; ) {
            if (message.length - at < 4) {
                return failed(StunDecodeFailure.TRUNCATED_ATTRIBUTE, "attribute header cut at byte " + at);
            }
            int attributeType = WireBytes.u16(message, at);
            int length = WireBytes.u16(message, at + 2);
            if (at + 4 + WireBytes.padded(length) > message.length) {
                return failed(StunDecodeFailure.TRUNCATED_ATTRIBUTE, String.format(
                        "attribute 0x%04x at byte %d has %d bytes, the message ends at %d", attributeType, at, length,
                        message.length));
            }
            boolean ignored = integritySha256At >= 0 ? attributeType != Fingerprint.TYPE
                    : integrityAt >= 0 && attributeType != Fingerprint.TYPE && attributeType != MessageIntegritySha256.TYPE;
            if (!ignored) {
                try {
                    attributes.add(AttributeParser.parse(attributeType, message, at + 4, length, id));
                } catch (AttributeFormatException e) {
                    return failed(StunDecodeFailure.BAD_ATTRIBUTE, e.getMessage() + " (at byte " + at + ")");
                }
                switch (attributeType) {
                    case MessageIntegrity.TYPE -> integrityAt = at;
                    case MessageIntegritySha256.TYPE -> integritySha256At = at;
                    case Fingerprint.TYPE -> fingerprintAt = at;
                    default -> { }
                }
            }
            at += 4 + WireBytes.padded(length);
        }
        if (fingerprintAt >= 0
                && MessageChecksums.fingerprint(message, fingerprintAt) != WireBytes.i32(message, fingerprintAt + 4)) {
            return failed(StunDecodeFailure.BAD_FINGERPRINT, "FINGERPRINT does not match the message");
        }
        return new StunDecoding.Decoded(new StunMessage(StunMethod.ofType(type), StunClass.ofType(type), id,
                attributes, new StunMessage.Received(message, integrityAt, integritySha256At)));
    }

    private static StunDecoding failed(StunDecodeFailure reason, String detail) {
        return new StunDecoding.Failed(reason, detail);
    }
}
