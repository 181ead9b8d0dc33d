package dev.confab.media.turn;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * What a {@link TurnClient} reports besides the results of its requests. Every method has a no-op default.
 *
 * <p>Thread contract: {@link #onPeerData} runs on the thread that called {@link TurnClient#receive}; the others on
 * the client's scheduler. Implementations must return quickly and must not wait for the client's futures.
 */
public interface TurnListener {

    /**
     * A datagram a peer sent to the relayed address, from a ChannelData message or a Data indication. The bytes are
     * only valid during the call: copy what must be kept.
     */
    default void onPeerData(InetSocketAddress peer, byte[] buf, int off, int len) {}

    /** A permission could not be refreshed and will expire: the server drops traffic with {@code peer} after that. */
    default void onPermissionLost(InetAddress peer, TurnException cause) {}

    /** A channel binding could not be refreshed: data for {@code peer} goes in Send indications from now on. */
    default void onChannelLost(InetSocketAddress peer, TurnException cause) {}

    /** Terminal: the allocation could not be refreshed and is gone. The client sends and delivers nothing more. */
    default void onAllocationLost(TurnException cause) {}
}
