package dev.confab.media.transport;

/**
 * Passes media on to a {@link MediaReceiver} one packet at a time, whichever socket thread it arrives on. The ICE agent
 * receives on one thread per local socket and takes media from every valid pair, so while a controlling peer moves
 * its media to another pair (as Chromium does early in a call it offered), packets arrive on two sockets at once;
 * the receivers behind (RTP readers, jitter buffer, frame assembler, receiver statistics) each keep per-stream state
 * for one packet at a time. Seen without it: Chromium's VP8 reached the frame assembler with one packet's
 * sequence number on another packet's bytes, and a frame went to the decoder whole but corrupt.
 *
 * <p>Thread contract: any thread; calls wait for the one in progress. A receiver may send (feedback, retransmissions)
 * while it runs: no sending thread ever waits for this lock, only other sockets' receive threads.
 */
final class SerialMediaReceiver implements MediaReceiver {
    private final MediaReceiver receiver;

    SerialMediaReceiver(MediaReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public synchronized void rtp(byte[] buf, int off, int len) {
        receiver.rtp(buf, off, len);
    }

    @Override
    public synchronized void rtcp(byte[] buf, int off, int len) {
        receiver.rtcp(buf, off, len);
    }
}
