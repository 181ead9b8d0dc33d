package dev.confab.client.core.calls;

/**
 * Why a call ended, from this device's point of view. Immutable.
 */
public enum EndReason {
    /** The callee declined (caller's side). */
    DECLINED,
    /** This device declined the incoming call. */
    DECLINED_BY_YOU,
    /** Another device of this user declined the call. */
    DECLINED_ELSEWHERE,
    /** Every device of the callee is in another call. */
    BUSY,
    /** Nobody answered before the server's ring timeout. */
    NO_ANSWER,
    /** This device cancelled its call before anyone answered. */
    CANCELLED_BY_YOU,
    /** The caller gave up before this device answered: a missed call. */
    MISSED,
    /** Someone called while this device was in another call; the server told them so (busy): a missed call. */
    MISSED_WHILE_BUSY,
    /** The server no longer knows the call that was ringing (it restarted meanwhile): nobody can answer it. */
    LOST_BY_SERVER,
    /** This device hung up. */
    HUNG_UP_BY_YOU,
    /** The other party hung up. */
    HUNG_UP_BY_PEER,
    /** Another device of this user answered. */
    ANSWERED_ELSEWHERE,
    /** The media path failed or could not be found (the call's {@link CallEnd#mediaFailure()} says how). */
    NETWORK_FAILURE,
    /** The other party's connection to the server went away and did not come back in time. */
    PEER_GONE,
    /**
     * The peer's signed fingerprint statement did not verify against its pinned identity key: someone (such as the
     * server) may have tampered with the call.
     */
    IDENTITY_MISMATCH,
    /** The peer's device has a new or changed key this user has not trusted yet. */
    UNTRUSTED_KEY,
    /** None of the callee's devices is online. */
    UNAVAILABLE,
    /** This device cannot reach the server, or lost it before the call was set up. */
    OFFLINE,
    /** The server refused the call: not contacts, or blocked. */
    REFUSED,
    /** Something else went wrong (a description the call cannot use, a protocol error); the detail says what. */
    FAILED
}
