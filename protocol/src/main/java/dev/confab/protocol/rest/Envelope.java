package dev.confab.protocol.rest;

import dev.confab.protocol.Fields;

/**
 * One sealed copy of a chat message for one device, base64 ciphertext made by the sender's client.
 */
public record Envelope(String deviceId, String ciphertext) {
    /** The largest sealed copy accepted: a 16 KiB message and its sealing overhead. */
    public static final int MAX_CIPHERTEXT_BYTES = 20 * 1024;

    public Envelope {
        Fields.id(deviceId, "deviceId");
        Fields.base64(ciphertext, "ciphertext", MAX_CIPHERTEXT_BYTES);
    }
}
