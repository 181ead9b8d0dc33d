package dev.confab.crypto.seal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Who sent a sealed message to whom, under which message id. Both sides build it from the message's metadata;
 * {@link MessageSealer} binds the envelope to it, so an envelope opened under any other context is rejected.
 *
 * <p>The {@linkplain #encoded() encoding} is {@code "confab-seal-v1"} (14 ASCII bytes) followed by the five
 * fields in declaration order, each as a 2-byte big-endian length and that many bytes of UTF-8. The label has a
 * fixed length and every field is length-prefixed, so two different contexts never encode to the same bytes.
 *
 * <p>Immutable; safe to share between threads.
 *
 * @param messageId the client-chosen id of the message, unique per sender device
 * @param senderUserId the sending user
 * @param senderDeviceId the sending device
 * @param recipientUserId the receiving user
 * @param recipientDeviceId the receiving device, whose agreement key the message is sealed to
 */
public record SealContext(
        String messageId, String senderUserId, String senderDeviceId, String recipientUserId,
        String recipientDeviceId) {

    /** The most UTF-8 bytes a field may take. */
    public static final int MAX_FIELD_BYTES = 1024;

    private static final byte[] LABEL = "confab-seal-v1".getBytes(StandardCharsets.US_ASCII);

    /**
     * Checks every field.
     *
     * @throws IllegalArgumentException if a field is empty, longer than {@value #MAX_FIELD_BYTES} bytes of UTF-8,
     *         or not well-formed UTF-16 (an unpaired surrogate would otherwise encode like another string)
     */
    public SealContext {
        for (String field : new String[] {messageId, senderUserId, senderDeviceId, recipientUserId, recipientDeviceId}) {
            utf8(field);
        }
    }

    /** The canonical encoding described above; a new array on each call. */
    public byte[] encoded() {
        String[] fields = {messageId, senderUserId, senderDeviceId, recipientUserId, recipientDeviceId};
        byte[][] utf8 = new byte[fields.length][];
        int length = LABEL.length;
        for (int i = 0; i < fields.length; i++) {
            utf8[i] = utf8(fields[i]);
            length += Short.BYTES + utf8[i].length;
        }
        ByteBuffer out = ByteBuffer.allocate(length).put(LABEL);
        for (byte[] field : utf8) {
            out.putShort((short) field.length).put(field);
        }
        return out.array();
    }

    private static byte[] utf8(String field) {
        Objects.requireNonNull(field, "SealContext field");
        if (field.isEmpty()) {
            throw new IllegalArgumentException("SealContext fields must not be empty");
        }
        ByteBuffer encoded;
        try {
            encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(field));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("SealContext field is not well-formed UTF-16: " + field);
        }
        if (encoded.remaining() > MAX_FIELD_BYTES) {
            throw new IllegalArgumentException(
                    "SealContext field takes " + encoded.remaining() + " bytes of UTF-8, more than " + MAX_FIELD_BYTES);
        }
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }
}
