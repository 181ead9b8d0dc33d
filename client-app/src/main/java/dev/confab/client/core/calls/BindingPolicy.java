package dev.confab.client.core.calls;

/**
 * Whether a call requires the peer's signed fingerprint statement. Confab peers always sign: every call between two
 * Confab devices uses {@link #REQUIRED}. A browser peer has no Confab identity key and cannot sign, so a call with one
 * must say so explicitly, per call, with {@link #UNSIGNED_BROWSER_PEER}; its media is still DTLS-SRTP with the
 * certificate its SDP names, but nothing ties that certificate to a person except the short authentication string.
 * Immutable.
 */
public enum BindingPolicy {
    /** The peer's statement must verify against its pinned identity key before its SDP is used. */
    REQUIRED,
    /** The peer is a browser that cannot sign: its SDP is used as it arrives. Never for Confab peers. */
    UNSIGNED_BROWSER_PEER
}
