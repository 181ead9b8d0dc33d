package dev.confab.media.stun;

import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMACs and CRC-32 of RFC 8489 sections 14.5 to 14.7, computed over the raw bytes of a message up to the
 * attribute that carries them, as if the header's length field ended the message just after that attribute. Stateless.
 */
final class MessageChecksums {
    private MessageChecksums() {}

    /**
     * The HMAC that an integrity attribute at {@code attributeAt} must carry.
     *
     * @param message     the message, starting with its header
     * @param attributeAt offset of the integrity attribute's type field
     * @param macLength   length of the attribute's value: 20, or 16 to 32 for a truncated HMAC-SHA256
     * @return the whole HMAC, which a truncated attribute compares with its first {@code macLength} bytes
     */
    static byte[] hmac(byte[] message, int attributeAt, int macLength, IntegrityKey.Algorithm algorithm, byte[] key) {
        String name = algorithm == IntegrityKey.Algorithm.HMAC_SHA1 ? "HmacSHA1" : "HmacSHA256";
        try {
            Mac mac = Mac.getInstance(name);
            mac.init(new SecretKeySpec(key, name));
            mac.update(message, 0, 2);
            mac.update(lengthField(attributeAt + 4 + macLength));
            mac.update(message, 4, attributeAt - 4);
            return mac.doFinal();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(name + " is in every JDK", e);
        }
    }

    /** The FINGERPRINT value for an attribute at {@code attributeAt}: CRC-32 XOR 0x5354554e. */
    static int fingerprint(byte[] message, int attributeAt) {
        CRC32 crc = new CRC32();
        crc.update(message, 0, 2);
        crc.update(lengthField(attributeAt + 8));
        crc.update(message, 4, attributeAt - 4);
        return (int) crc.getValue() ^ Fingerprint.XOR;
    }

    /** The header length field of a message whose last attribute ends at {@code end}. */
    private static byte[] lengthField(int end) {
        byte[] field = new byte[2];
        WireBytes.put16(field, 0, end - StunMessage.HEADER_SIZE);
        return field;
    }
}
