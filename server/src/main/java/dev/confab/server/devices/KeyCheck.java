package dev.confab.server.devices;

import dev.confab.crypto.identity.IdentityKeyPair;
import dev.confab.protocol.Fields;
import dev.confab.protocol.rest.DeviceKeysUpload;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Checks an uploaded key set: an Ed25519 identity key (32 bytes), an X25519 agreement key (32 bytes), and the
 * identity key's signature (64 bytes) over {@code "confab-agreement-key-v1" || agreementKey}. Stateless.
 */
public final class KeyCheck {
    /** The domain-separation prefix of the signed agreement key. */
    public static final byte[] LABEL = "confab-agreement-key-v1".getBytes(StandardCharsets.UTF_8);

    /** Decoded, verified keys. */
    public record Keys(byte[] identity, byte[] agreement, byte[] signature) {}

    private KeyCheck() {}

    /** The decoded keys, or {@code invalid_field} naming the first bad one. */
    public static Keys verify(DeviceKeysUpload upload) {
        byte[] identity = decode(upload.identityKey(), "identityKey", 32);
        byte[] agreement = decode(upload.agreementKey(), "agreementKey", 32);
        byte[] signature = decode(upload.agreementKeySignature(), "agreementKeySignature", 64);
        byte[] signed = new byte[LABEL.length + agreement.length];
        System.arraycopy(LABEL, 0, signed, 0, LABEL.length);
        System.arraycopy(agreement, 0, signed, LABEL.length, agreement.length);
        if (!IdentityKeyPair.verify(identity, signed, signature)) {
            throw Fields.invalid("agreementKeySignature",
                    "agreementKeySignature is not the identity key's signature over the agreement key");
        }
        return new Keys(identity, agreement, signature);
    }

    private static byte[] decode(String value, String field, int length) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw Fields.invalid(field, field + " must be base64");
        }
        if (bytes.length != length) {
            throw Fields.invalid(field, field + " must be " + length + " bytes");
        }
        return bytes;
    }
}
