package dev.confab.bench.video;

import dev.confab.media.video.codec.DecodeStatus;
import dev.confab.media.video.codec.EncodedFrame;
import dev.confab.media.video.codec.Vp8Decoder;
import dev.confab.media.video.codec.Vp8Encoder;
import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Confab's VP8 encoder and decoder timed on the calling thread: wall-clock time and the thread's CPU time around the
 * loop of {@link Vp8Encoder#encode} or {@link Vp8Decoder#decode} calls only (opening the codec is not timed). Stateless.
 */
final class ConfabVp8 {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ConfabVp8() {
    }

    /** Encodes every frame of {@code clip} with the settings of {@code codecCase}, as fast as it goes. */
    static Encoding encode(PatternClip clip, CodecCase codecCase) {
        List<byte[]> stream = new ArrayList<>(clip.frames().size());
        EncodedFrame encoded = new EncodedFrame(clip.size().i420Bytes());
        long bytes = 0;
        try (Vp8Encoder encoder = Vp8Encoder.open(codecCase.encoderConfig())) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (I420Frame frame : clip.frames()) {
                if (encoder.encode(frame, encoded)) {
                    stream.add(encoded.toByteArray());
                    bytes += encoded.length();
                }
            }
            long wallNanos = System.nanoTime() - wall;
            long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpu;
            return new Encoding(new CodecSpeed(clip.frames().size(), wallNanos, cpuNanos, bytes), stream);
        }
    }

    /** Decodes {@code stream} as fast as it goes; fails unless every frame decodes to a picture. */
    static CodecSpeed decode(List<byte[]> stream) {
        I420Frame picture = I420Frame.allocate(new FrameSize(16, 16));
        long bytes = 0;
        int shown = 0;
        try (Vp8Decoder decoder = Vp8Decoder.open()) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (byte[] frame : stream) {
                if (decoder.decode(frame, 0, frame.length, picture) == DecodeStatus.DECODED) {
                    shown++;
                }
                bytes += frame.length;
            }
            long wallNanos = System.nanoTime() - wall;
            long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpu;
            if (shown != stream.size()) {
                throw new IllegalStateException("Confab's decoder showed " + shown + " of " + stream.size() + " frames");
            }
            return new CodecSpeed(stream.size(), wallNanos, cpuNanos, bytes);
        }
    }
}
