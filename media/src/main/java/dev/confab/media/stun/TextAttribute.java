package dev.confab.media.stun;

import java.nio.charset.StandardCharsets;

/** The attributes whose value is UTF-8 text: USERNAME, REALM, NONCE and SOFTWARE (RFC 8489 section 14). Immutable. */
public sealed interface TextAttribute extends StunAttribute permits Username, Realm, Nonce, Software {

    /** The text. */
    String value();

    @Override
    default int size() {
        return value().getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    default void marshal(byte[] out, int off, TransactionId transactionId) {
        byte[] bytes = value().getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, out, off, bytes.length);
    }
}
