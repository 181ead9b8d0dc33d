package dev.confab.bench.srtp;

import dev.confab.crypto.srtp.SrtpMasterKey;
import dev.confab.crypto.srtp.SrtpProfile;
import dev.confab.crypto.srtp.SrtpReceiver;
import dev.confab.crypto.srtp.SrtpSender;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Packets per second for SRTP protect and unprotect, measured exactly as {@code bench/src/main/c/srtp_bench.c}
 * measures libsrtp2, so the two compare:
 * <ul>
 *   <li>protect: copy the plaintext RTP packet into a buffer, set its sequence number, protect in place;</li>
 *   <li>unprotect: a batch of {@value #BATCH} packets with consecutive sequence numbers is protected before each
 *       invocation (not timed); the invocation unprotects the whole batch with replay protection on.</li>
 * </ul>
 * JMH state is per benchmark thread; run with one thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SrtpBenchmark {
    /** Packets per unprotect invocation, as in the C benchmark. */
    public static final int BATCH = 4096;
    private static final int HEADER = 12;
    private static final int ROOM = 64;

    /** The sender side: one plaintext packet, one buffer, a running sequence number. */
    @State(Scope.Thread)
    public static class Protect {
        @Param({"AES_CM_128_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32", "AEAD_AES_128_GCM", "AEAD_AES_256_GCM"})
        public String profile;
        @Param({"1200", "160"})
        public int payload;

        SrtpSender sender;
        byte[] plain;
        byte[] buffer;
        int length;
        int seq;

        @Setup(Level.Trial)
        public void setUp() {
            sender = SrtpSender.create(masterKey(SrtpProfile.valueOf(profile)));
            length = HEADER + payload;
            plain = packet(0, payload);
            buffer = new byte[length + ROOM];
        }
    }

    /** The receiver side: a batch of protected packets made before each invocation. */
    @State(Scope.Thread)
    public static class Unprotect {
        @Param({"AES_CM_128_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32", "AEAD_AES_128_GCM", "AEAD_AES_256_GCM"})
        public String profile;
        @Param({"1200", "160"})
        public int payload;

        SrtpSender sender;
        SrtpReceiver receiver;
        byte[][] batch;
        int[] lengths;
        int seq;

        @Setup(Level.Trial)
        public void setUp() {
            SrtpMasterKey key = masterKey(SrtpProfile.valueOf(profile));
            sender = SrtpSender.create(key);
            receiver = SrtpReceiver.create(key);
            batch = new byte[BATCH][HEADER + payload + ROOM];
            lengths = new int[BATCH];
        }

        @Setup(Level.Invocation)
        public void protectBatch() {
            for (int i = 0; i < BATCH; i++) {
                byte[] plain = packet(seq++, payload);
                System.arraycopy(plain, 0, batch[i], 0, plain.length);
                lengths[i] = sender.protectRtp(batch[i], 0, plain.length);
                if (lengths[i] < 0) {
                    throw new IllegalStateException("protect failed while preparing the batch");
                }
            }
        }
    }

    @Benchmark
    public int protect(Protect s) {
        System.arraycopy(s.plain, 0, s.buffer, 0, s.length);
        int seq = s.seq++;
        s.buffer[2] = (byte) (seq >>> 8);
        s.buffer[3] = (byte) seq;
        int out = s.sender.protectRtp(s.buffer, 0, s.length);
        if (out < 0) {
            throw new IllegalStateException("protect failed");
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int unprotect(Unprotect s) {
        int total = 0;
        for (int i = 0; i < BATCH; i++) {
            int out = s.receiver.unprotectRtp(s.batch[i], 0, s.lengths[i]);
            if (out < 0) {
                throw new IllegalStateException("unprotect failed");
            }
            total += out;
        }
        return total;
    }

    /** The same key bytes the C benchmark uses: byte i is {@code i * 7 + 1}, key then salt. */
    static SrtpMasterKey masterKey(SrtpProfile profile) {
        byte[] material = new byte[profile.keyLength() + profile.saltLength()];
        for (int i = 0; i < material.length; i++) {
            material[i] = (byte) (i * 7 + 1);
        }
        return SrtpMasterKey.ofConcatenated(profile, material);
    }

    /** An RTP packet like the C benchmark's: version 2, payload type 111, SSRC 0x12345678, payload bytes 0, 1, 2... */
    static byte[] packet(int seq, int payload) {
        byte[] p = new byte[HEADER + payload];
        p[0] = (byte) 0x80;
        p[1] = 111;
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq;
        p[7] = 1;
        p[8] = 0x12;
        p[9] = 0x34;
        p[10] = 0x56;
        p[11] = 0x78;
        for (int i = 0; i < payload; i++) {
            p[HEADER + i] = (byte) i;
        }
        return p;
    }
}
