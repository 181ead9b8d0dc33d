package dev.confab.media.turn;

/**
 * Counters of a {@link TurnClient}, as one snapshot. Immutable.
 *
 * @param channelDataSent         datagrams sent to peers as ChannelData
 * @param sendIndicationsSent     datagrams sent to peers in Send indications
 * @param channelDataReceived     peer datagrams delivered from ChannelData
 * @param dataIndicationsReceived peer datagrams delivered from Data indications
 * @param unsentNoPermission      datagrams not sent: no permission for the peer, or no allocation
 * @param dropped                 datagrams from the server that were malformed, unexpected or from an unbound channel
 *                                or unpermitted peer
 * @param allocationRefreshes     successful Refresh requests
 * @param permissionRefreshes     successful CreatePermission refreshes
 * @param channelRefreshes        successful ChannelBind refreshes
 * @param staleNonces             438 (Stale Nonce) responses answered by retrying with the new nonce
 */
public record TurnStats(long channelDataSent, long sendIndicationsSent, long channelDataReceived,
        long dataIndicationsReceived, long unsentNoPermission, long dropped, long allocationRefreshes,
        long permissionRefreshes, long channelRefreshes, long staleNonces) {}
