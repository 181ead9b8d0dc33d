package dev.confab.bench.calls;

import dev.confab.media.audio.opus.OpusBandwidth;
import dev.confab.media.audio.opus.OpusDecoder;
import dev.confab.media.audio.opus.OpusEncoder;
import dev.confab.media.audio.opus.OpusEncoderConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * What Opus encoding costs a call, per setting: espeak speech encoded one 20 ms frame every 20 ms, as a call's
 * capture thread does (so caches are as cold as in a call), by several encoders in turn on one thread, each frame's
 * CPU time taken from the thread's clock; and what each setting's decoded speech keeps of the source (correlation).
 * {@code java ... OpusEncodeCost [SECONDS]}. One thread; a command-line tool.
 */
public final class OpusEncodeCost {
    private static final int FRAME = 960;
    private static final long PERIOD_NANOS = 20_000_000;

    private record Setting(String name, OpusEncoderConfig config) {
    }

    private OpusEncodeCost() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path dir = Files.createTempDirectory("opus-cost");
        short[] speech = dev.confab.media.audio.device.WavFile.read(Voices.speech(dir.resolve("speech.wav"),
                "The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs.", seconds))
                .samples();
        OpusEncoderConfig base = OpusEncoderConfig.DEFAULT;
        List<Setting> settings = new ArrayList<>();
        for (int complexity : new int[] {5, 3, 1}) {
            for (OpusBandwidth bandwidth : new OpusBandwidth[] {OpusBandwidth.FULLBAND, OpusBandwidth.WIDEBAND}) {
                settings.add(new Setting("complexity " + complexity + ", " + bandwidth.name().toLowerCase(Locale.ROOT),
                        new OpusEncoderConfig(1, 20, base.bitrate(), complexity, true, true, 0, bandwidth, false)));
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int frames = speech.length / FRAME;
        long[][] nanos = new long[settings.size()][frames];
        short[][] decoded = new short[settings.size()][frames * FRAME];
        List<OpusEncoder> encoders = settings.stream().map(s -> OpusEncoder.create(s.config())).toList();
        List<OpusDecoder> decoders = settings.stream().map(s -> OpusDecoder.create(1)).toList();
        byte[] packet = new byte[OpusEncoder.MAX_PACKET_BYTES];
        long next = System.nanoTime();
        for (int f = 0; f < frames; f++) {
            for (int s = 0; s < settings.size(); s++) {
                next += PERIOD_NANOS / settings.size();
                LockSupport.parkNanos(next - System.nanoTime());
                long before = threads.getCurrentThreadCpuTime();
                int length = encoders.get(s).encode(speech, f * FRAME, packet, 0, packet.length);
                nanos[s][f] = threads.getCurrentThreadCpuTime() - before;
                decoders.get(s).decode(packet, 0, length, decoded[s], f * FRAME, FRAME);
            }
        }
        System.out.println("| Opus setting (32 kbit/s, FEC, DTX) | CPU per 20 ms frame, median (us) | % of a core |"
                + " correlation with the source |");
        System.out.println("| --- | ---: | ---: | ---: |");
        int lookahead = encoders.getFirst().lookahead();
        for (int s = 0; s < settings.size(); s++) {
            long[] sorted = nanos[s].clone();
            java.util.Arrays.sort(sorted);
            double median = sorted[sorted.length / 2] / 1000.0;
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.2f | %.4f |%n", settings.get(s).name(), median,
                    median / 200.0, correlation(speech, decoded[s], encoders.get(s).lookahead()));
        }
        System.out.println("(" + frames + " frames each, " + settings.size() + " encoders in turn on one thread,"
                + " one frame every " + (20 / settings.size()) + " ms; lookahead " + lookahead + " samples)");
        encoders.forEach(OpusEncoder::close);
        decoders.forEach(OpusDecoder::close);
    }

    /** Pearson correlation of the source with the decoded signal shifted back by the codec's delay. */
    private static double correlation(short[] source, short[] decoded, int delay) {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        int n = 0;
        for (int i = 0; i + delay < decoded.length && i < source.length; i++) {
            double x = source[i];
            double y = decoded[i + delay];
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
            n++;
        }
        return (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
    }
}
