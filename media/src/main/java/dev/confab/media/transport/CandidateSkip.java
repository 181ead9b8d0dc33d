package dev.confab.media.transport;

/** Why a candidate of the peer was not given to the ICE agent; each is counted by {@link RemoteCandidateFeed}. */
public enum CandidateSkip {
    /** An mDNS name ({@code <uuid>.local}): Confab does not resolve them, and the peer's checks reveal it anyway. */
    MDNS_NAME,
    /** Another host name: Confab does not look candidate addresses up. */
    HOST_NAME,
    /** Text that looks like an IP literal but is none (such as {@code :::::}). */
    MALFORMED_ADDRESS,
    /** A TCP candidate (RFC 6544): Confab's agent speaks UDP only. */
    TCP,
    /** A component other than 1: with rtcp-mux there is no RTCP component. */
    NOT_RTP_COMPONENT,
    /** Port 0: nothing can be sent there. */
    PORT_ZERO,
    /** Priority 0 or above 2^31-1, which RFC 8445 section 5.1.2.1 does not allow. */
    PRIORITY_OUT_OF_RANGE
}
