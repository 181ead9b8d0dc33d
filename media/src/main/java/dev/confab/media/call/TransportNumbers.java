package dev.confab.media.call;

/**
 * Hands out the transport-wide sequence numbers the call's packets carry (audio and video share one series) and
 * hears when each numbered packet leaves, for the send-side bandwidth estimate. Thread-safe.
 */
interface TransportNumbers {
    /** Numbers starting at 0, heard by no one: for streams tested on their own. */
    TransportNumbers UNCOUNTED = new TransportNumbers() {
        private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public int reserve() {
            return next.getAndIncrement() & 0xffff;
        }

        @Override
        public void sent(int transportSequence, int rtpBytes, long nowNanos) {
        }
    };

    /** The 16-bit number for a packet about to be written. */
    int reserve();

    /** The packet numbered {@code transportSequence} left now, {@code rtpBytes} long before SRTP. */
    void sent(int transportSequence, int rtpBytes, long nowNanos);
}
