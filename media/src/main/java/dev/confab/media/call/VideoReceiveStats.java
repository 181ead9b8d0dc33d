package dev.confab.media.call;

import dev.confab.media.rtp.rtx.NackStats;
import dev.confab.media.video.vp8.Vp8AssemblerStats;

/**
 * What a {@link VideoReceiveStream} has done since it was made. Immutable.
 *
 * @param packetsReceived      media packets taken (restored retransmissions included)
 * @param packetsRestored      of those, restored from RTX
 * @param packetsRefused       dropped before assembly: not RTP, another payload type or SSRC, an RTX packet that does
 *                             not restore (padding-only ones included), or before {@link VideoReceiveStream#start}
 * @param framesAssembled      complete frames the assembler handed out
 * @param keyFramesReceived    of those, key frames
 * @param framesDropped        of those, not decoded: the decoder's queue was full, or a delta frame after such a drop
 * @param framesUndecodable    frames the decoder refused (corrupt, too large, or waiting for a key frame)
 * @param framesShown          pictures handed to the sink
 * @param sinkFailures         of those, ones the sink threw an exception for (counted, not passed on)
 * @param longestFreezeNanos   the longest time between two pictures shown
 * @param nackPacketsSent      Generic NACK packets sent
 * @param plisSent             PLIs sent
 * @param assembler            the frame assembler's own counts (malformed, late, duplicate packets and lost frames)
 * @param nack                 the NACK generator's own counts
 */
public record VideoReceiveStats(long packetsReceived, long packetsRestored, long packetsRefused, long framesAssembled,
        long keyFramesReceived, long framesDropped, long framesUndecodable, long framesShown, long sinkFailures,
        long longestFreezeNanos,
        long nackPacketsSent, long plisSent, Vp8AssemblerStats assembler, NackStats nack) {
}
