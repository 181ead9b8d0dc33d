package dev.confab.media.rtp.cc;

/**
 * How a target bitrate is split, in bits per second on the wire. Immutable.
 *
 * @param audioBps        what audio may send (its full rate when the target allows: audio comes first)
 * @param videoBps        what video may send, packet overhead and retransmissions included
 * @param videoEncoderBps what to set the video encoder to: the video share less the overhead allowance
 */
public record BitrateAllocation(long audioBps, long videoBps, long videoEncoderBps) {}
