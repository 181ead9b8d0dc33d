package dev.confab.bench.video;

import java.util.Arrays;

/**
 * What one Confab benchmark peer's {@code video-counts} command reports at a moment ({@code CallPeerMain}): the
 * peer's pictures it has shown and the last one's size, and from its call's statistics the audio packets received,
 * the video it sent and the video encoder's target. {@link #receivedSince} turns two of them, with the peer's, into a
 * {@link ReceivedVideo}. Immutable.
 *
 * @param nanos          when, in {@link System#nanoTime()} of the peer's JVM (the machine's monotonic clock)
 * @param picturesShown  the other side's pictures this side decoded and handed to its sink
 * @param width          width of the last picture shown (0 before the first)
 * @param height         height of the last picture shown
 * @param audioPackets   audio packets received
 * @param videoBytesSent video RTP bytes this side sent, headers included (retransmissions not)
 * @param framesEncoded  video frames this side encoded
 * @param videoBitrate   this side's video encoder's target, bit/s
 */
record VideoCounts(long nanos, long picturesShown, int width, int height, long audioPackets, long videoBytesSent,
                   long framesEncoded, int videoBitrate) {
    private static final int FIELDS = 8;

    /**
     * Reads the fields of a {@code video-counts} reply.
     *
     * @throws IllegalArgumentException when there are not eight numbers
     */
    static VideoCounts parse(String[] fields) {
        if (fields.length != FIELDS) {
            throw new IllegalArgumentException("video-counts replies with " + FIELDS + " numbers, not "
                    + Arrays.toString(fields));
        }
        long[] n = Arrays.stream(fields).mapToLong(Long::parseLong).toArray();
        return new VideoCounts(n[0], n[1], (int) n[2], (int) n[3], n[4], n[5], n[6], (int) n[7]);
    }

    /**
     * What this side received between {@code earlier} and this moment: the pictures it showed a second by its own
     * clock, and the video bit/s the peer sent meanwhile ({@code peerEarlier} to {@code peerLater}).
     */
    ReceivedVideo receivedSince(VideoCounts earlier, VideoCounts peerEarlier, VideoCounts peerLater) {
        double seconds = seconds(earlier, this);
        return new ReceivedVideo(width, height, (picturesShown - earlier.picturesShown) / seconds,
                (peerLater.videoBytesSent - peerEarlier.videoBytesSent) * 8 / seconds(peerEarlier, peerLater) / 1000,
                audioPackets - earlier.audioPackets);
    }

    private static double seconds(VideoCounts earlier, VideoCounts later) {
        if (later.nanos <= earlier.nanos) {
            throw new IllegalArgumentException("the later counts are not later: " + earlier + " then " + later);
        }
        return (later.nanos - earlier.nanos) / 1e9;
    }
}
