package dev.confab.media.transport;

import dev.confab.media.rtp.BigEndian;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Audio-sized RTP packets sent both ways between two connected {@link SecureTransport}s, so that what a call runs for
 * every packet (SRTP protect and unprotect, the socket send and receive, the agent's dispatch) is compiled by the JIT
 * before the first real call instead of during its first minute, where it cost about 1% of a core per side. Packets
 * go in batches, each waited for before the next (a lost one is not waited for beyond a short bound), so the sockets'
 * receive buffers never overflow. An interrupt stops it after the batch in flight (a real call needs the CPU more).
 *
 * <p>Thread contract: {@link #send} runs on one thread; the receivers are called on the sockets' receive threads.
 */
final class WarmUpTraffic {
    /**
     * Packets each way. At start-up the JIT's queue is long and it raises its thresholds: these get the per-packet
     * path compiled by C1, not yet by C2, which compiles it some 20 s into the first call. Three rounds, each once the
     * JIT was quiet, took it to C2 here, but the first call's compiler CPU did not measurably fall (the audio pipeline
     * and the client's call path are most of it), so one round stays.
     */
    static final int PACKETS_EACH_WAY = 7_500;
    private static final int BATCH = 25;
    private static final int HEADER = 12;
    private static final int PAYLOAD = 80;
    private static final int SRTP_ROOM = 16;
    private static final int PAYLOAD_TYPE = 111;
    private static final long BATCH_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private WarmUpTraffic() {
    }

    /** A receiver that counts the RTP packets it is given. */
    static final class Counter implements MediaReceiver {
        private final AtomicLong rtp = new AtomicLong();

        @Override
        public void rtp(byte[] buf, int off, int len) {
            rtp.incrementAndGet();
        }

        @Override
        public void rtcp(byte[] buf, int off, int len) {
        }

        long received() {
            return rtp.get();
        }
    }

    /**
     * Sends {@code packets} each way, {@code a} to {@code b} and back, {@code aReceived} and {@code bReceived} counting
     * what arrives; returns the packets that arrived, both ways together.
     */
    static long send(SecureTransport a, Counter aReceived, SecureTransport b, Counter bReceived, int packets)
            throws IOException {
        byte[] fromA = new byte[HEADER + PAYLOAD + SRTP_ROOM];
        byte[] fromB = new byte[fromA.length];
        for (int sent = 0; sent < packets && !Thread.currentThread().isInterrupted(); sent += BATCH) {
            int batch = Math.min(BATCH, packets - sent);
            long expectedAtA = aReceived.received() + batch;
            long expectedAtB = bReceived.received() + batch;
            for (int i = sent; i < sent + batch; i++) {
                a.sendRtp(fromA, 0, packet(fromA, i, 0x5741524d));
                b.sendRtp(fromB, 0, packet(fromB, i, 0x55505550));
            }
            long deadline = System.nanoTime() + BATCH_WAIT_NANOS;
            while ((aReceived.received() < expectedAtA || bReceived.received() < expectedAtB)
                    && System.nanoTime() < deadline) {
                LockSupport.parkNanos(50_000);
            }
        }
        return aReceived.received() + bReceived.received();
    }

    /** Writes RTP packet number {@code n} of stream {@code ssrc} (an Opus frame's header, a speech-sized payload). */
    private static int packet(byte[] buf, int n, int ssrc) {
        buf[0] = (byte) 0x80;
        buf[1] = (byte) PAYLOAD_TYPE;
        BigEndian.put16(buf, 2, n);
        BigEndian.put32(buf, 4, n * 960L);
        BigEndian.put32(buf, 8, ssrc);
        for (int i = HEADER; i < HEADER + PAYLOAD; i++) {
            buf[i] = (byte) (n * 31 + i);
        }
        return HEADER + PAYLOAD;
    }
}
