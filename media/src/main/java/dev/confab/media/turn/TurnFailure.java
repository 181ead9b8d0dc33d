package dev.confab.media.turn;

/** What went wrong with a TURN request, for a caller to decide whether to retry, fall back or tell the user. Immutable. */
public enum TurnFailure {
    /** The server refused the credentials (401 to a signed request): wrong password, expired or unknown user. */
    UNAUTHORIZED,
    /** The server kept answering 438 (Stale Nonce) to fresh nonces. */
    STALE_NONCE,
    /** 437: this 5-tuple has no allocation (after release or expiry) or already has one (a second Allocate). */
    ALLOCATION_MISMATCH,
    /** 486 or 508: the server cannot give this user (another) allocation now. */
    NO_CAPACITY,
    /** 403: the server forbids this, for example a permission to a peer it does not relay to. */
    FORBIDDEN,
    /** Any other error response. */
    ERROR_RESPONSE,
    /** A success response without an attribute it must carry. */
    BAD_RESPONSE,
    /** No response within the retransmission timeout. */
    TIMEOUT,
    /** The datagram could not be sent. */
    SEND_FAILED,
    /** The client is not in a state for this: not allocated yet, released, failed or closed. */
    WRONG_STATE,
    /** All 4096 channel numbers are bound. */
    NO_CHANNEL_LEFT
}
