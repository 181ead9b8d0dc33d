package dev.confab.media.video.vp8;

/**
 * What a {@link Vp8FrameAssembler} has done since it was made. Immutable.
 *
 * @param packets              packets offered to {@link Vp8FrameAssembler#insert}
 * @param padding              of {@code packets}, padding-only ones (an empty payload)
 * @param malformed            dropped: a bad descriptor, no data, or a bad payload header on a frame's first packet
 * @param oversize             dropped: more data than {@link Vp8AssemblerConfig#maxPacketBytes()}
 * @param duplicates           dropped: already held
 * @param late                 dropped: older than what was already handed out or given up
 * @param frames               frames handed out
 * @param keyFrames            of {@code frames}, key frames
 * @param framesDiscarded      frames (told apart by timestamp) of which packets were thrown away without the frame
 *                             being handed out: incomplete, or undecodable while a key frame was awaited
 * @param unrecoverableLosses  times the assembler gave a frame up and started waiting for a key frame
 * @param restarts             times the sequence numbers jumped back so far that the stream was taken to have
 *                             restarted
 */
public record Vp8AssemblerStats(long packets, long padding, long malformed, long oversize, long duplicates, long late,
        long frames, long keyFrames, long framesDiscarded, long unrecoverableLosses, long restarts) {
}
