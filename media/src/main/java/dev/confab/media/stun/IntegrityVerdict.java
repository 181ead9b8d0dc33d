package dev.confab.media.stun;

/** What checking a received message's MESSAGE-INTEGRITY (and -SHA256) against a key found. Immutable. */
public enum IntegrityVerdict {
    /** Every integrity attribute present matches the key. */
    VALID,
    /** The message carries no integrity attribute. */
    ABSENT,
    /** An integrity attribute does not match: wrong key, or the message was altered. */
    INVALID
}
