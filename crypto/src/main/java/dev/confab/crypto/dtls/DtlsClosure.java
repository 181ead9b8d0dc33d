package dev.confab.crypto.dtls;

/** How an association that completed its handshake ended without error. */
public enum DtlsClosure {
    /** The peer sent close_notify; Confab answered with its own. */
    CLOSED_BY_PEER,
    /** {@link DtlsEndpoint#close()} was called; close_notify was sent if the handshake had completed. */
    CLOSED_LOCALLY
}
