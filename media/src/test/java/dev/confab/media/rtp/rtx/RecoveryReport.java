package dev.confab.media.rtp.rtx;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a simulated call showed of loss recovery, for tests.
 *
 * @param framesSent          frames the sender sent
 * @param framesShown         frames the receiver's assembler handed out
 * @param firstPictureMillis  when the first frame was handed out: a start whose first packets were lost waits for a
 *                            key frame asked for by PLI, as nothing tells the NACK generator of packets before the
 *                            first it saw
 * @param framesHit           frames sent from the first one handed out on, of which some packet was lost on its first
 *                            sending
 * @param framesHitShown      of those, frames handed out all the same
 * @param extraBandwidth      retransmitted bytes per media byte
 * @param feedbackBandwidth   RTCP bytes (NACK, PLI) per media byte
 * @param longestFreezeMillis the longest time between two frames handed out, or from the last one to the end
 * @param keyFramesRequested  key frames sent after the first
 * @param unrecoverable       times the assembler gave a frame up
 */
record RecoveryReport(int framesSent, int framesShown, double firstPictureMillis, int framesHit, int framesHitShown,
        double extraBandwidth, double feedbackBandwidth, double longestFreezeMillis, long keyFramesRequested,
        long unrecoverable) {

    static RecoveryReport of(SimulatedVideoSender sender, SimulatedVideoReceiver receiver, long feedbackBytes,
            long lastFrameDueNanos) {
        List<SimulatedVideoReceiver.ReceivedFrame> shown = receiver.frames();
        Set<Long> shownTimestamps = new HashSet<>();
        long longest = 0;
        long previous = -1;
        for (SimulatedVideoReceiver.ReceivedFrame frame : shown) {
            shownTimestamps.add(frame.timestamp());
            if (previous >= 0) {
                longest = Math.max(longest, frame.atNanos() - previous);
            }
            previous = frame.atNanos();
        }
        longest = Math.max(longest, lastFrameDueNanos - previous);
        int hit = 0;
        int hitShown = 0;
        long keys = 0;
        boolean started = false;
        for (SimulatedVideoSender.SentFrame frame : sender.frames()) {
            keys += frame.key() ? 1 : 0;
            started |= !shown.isEmpty() && frame.timestamp() == shown.getFirst().timestamp();
            if (started && frame.lostOnFirstSending()) {
                hit++;
                hitShown += shownTimestamps.contains(frame.timestamp()) ? 1 : 0;
            }
        }
        double media = sender.mediaBytes();
        double firstPicture = shown.isEmpty() ? Double.NaN : shown.getFirst().atNanos() / 1e6;
        return new RecoveryReport(sender.frames().size(), shown.size(), firstPicture, hit, hitShown,
                sender.retransmittedBytes() / media, feedbackBytes / media, longest / 1e6, keys - 1,
                receiver.unrecoverableLosses());
    }

    /** Of the frames that lost a packet, the share handed out. */
    double recoveredShare() {
        return framesHit == 0 ? 1 : framesHitShown / (double) framesHit;
    }

    @Override
    public String toString() {
        return String.format("frames shown %d/%d (first at %.0f ms), hit by loss %d of which recovered %.1f%%, extra"
                + " bandwidth %.1f%% (+%.2f%% RTCP), longest freeze %.0f ms, key frames requested %d,"
                + " frames given up %d",
                framesShown, framesSent, firstPictureMillis, framesHit, 100 * recoveredShare(), 100 * extraBandwidth,
                100 * feedbackBandwidth, longestFreezeMillis, keyFramesRequested, unrecoverable);
    }
}
