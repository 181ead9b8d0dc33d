package dev.confab.media.turn;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The channels a client has bound, both ways: peer to number for sending, number to peer for receiving. Numbers are
 * handed out in order from 0x4000 and not reused within an allocation (RFC 8656 section 12: a number stays bound to
 * its peer for the allocation's life).
 *
 * <p>Thread contract: {@link #channelOf} and {@link #peerOf} from any thread; the rest on the client's serial
 * executor.
 */
final class ChannelTable {
    private final Map<InetSocketAddress, Integer> byPeer = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<InetSocketAddress> byNumber =
            new AtomicReferenceArray<>(ChannelData.LAST_CHANNEL - ChannelData.FIRST_CHANNEL + 1);
    private int next = ChannelData.FIRST_CHANNEL;

    /** The bound channel of a peer, or null. */
    Integer channelOf(InetSocketAddress peer) {
        return byPeer.get(peer);
    }

    /** The peer a channel is bound to, or null (also for numbers outside the channel range). */
    InetSocketAddress peerOf(int channel) {
        int index = channel - ChannelData.FIRST_CHANNEL;
        return index >= 0 && index < byNumber.length() ? byNumber.get(index) : null;
    }

    /** The number for a new binding, or -1 if all are used. */
    int nextNumber() {
        return next <= ChannelData.LAST_CHANNEL ? next++ : -1;
    }

    /** Records a binding the server confirmed. */
    void bind(int channel, InetSocketAddress peer) {
        byNumber.set(channel - ChannelData.FIRST_CHANNEL, peer);
        byPeer.put(peer, channel);
    }

    /** Forgets a binding that expired; its number stays unused. */
    void unbind(InetSocketAddress peer) {
        Integer channel = byPeer.remove(peer);
        if (channel != null) {
            byNumber.set(channel - ChannelData.FIRST_CHANNEL, null);
        }
    }

    /** Forgets every binding. */
    void clear() {
        byPeer.keySet().forEach(this::unbind);
    }
}
