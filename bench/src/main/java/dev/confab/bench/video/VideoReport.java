package dev.confab.bench.video;

import dev.confab.bench.MarkdownReport;
import dev.confab.media.video.frame.FrameSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The video benchmark, written as Markdown tables: Confab's VP8 encode and decode speed beside the ffmpeg CLI's on the
 * same frames ({@link CodecBench}), and the CPU of a 640x480 30 fps + audio call on loopback, Confab's beside
 * Chromium's ({@link VideoCallComparison}: {@link ConfabVideoCall} beside {@link ChromiumVideoCall}; when Confab's call
 * fails, its row says it was not measured and the notes say why), and the glass-to-glass times of Confab's call
 * ({@link GlassToGlass}). Run by {@code scripts/bench-video.sh}.
 */
@Command(name = "bench-video", mixinStandardHelpOptions = true,
        description = "VP8 encode/decode speed beside ffmpeg, and a video call's CPU: Confab beside Chromium.")
public final class VideoReport implements Callable<Integer> {
    private static final List<CodecCase> CODEC_CASES = List.of(
            new CodecCase(new FrameSize(640, 480), 30, 1_000_000),
            new CodecCase(new FrameSize(1280, 720), 30, 2_500_000));
    private static final FrameSize CALL_SIZE = new FrameSize(640, 480);
    private static final int CALL_FRAME_RATE = 30;
    private static final String GLASS_TO_GLASS_NOTE = "Glass-to-glass: Confab's test-pattern camera stamps each"
            + " picture, when its pacing releases it, with its frame number and the wall-clock time (ms) as black and"
            + " white blocks in the picture (StampCode); the receiving client reads the stamp back from each decoded"
            + " picture handed to its sink and notes its own wall-clock time then minus the stamped time (both JVMs"
            + " run on this machine, so it is one clock; 1 ms resolution). That spans drawing the pattern, the hand-off"
            + " through the capture mailbox to the encoder thread, VP8 encoding, packetizing, SRTP, the UDP loopback,"
            + " SRTP and frame assembly on the receiving side, any wait for a retransmission, the decoder's queue and"
            + " decoding, up to the picture's hand-off to the sink; not a real camera's exposure and delivery, and no"
            + " display (a screen would add its own frame wait and scan-out). Pictures shown over the counted time of"
            + " the call above; a picture whose stamp does not read back (coding damage) is counted apart, not timed.";

    @Option(names = "--codec-runs", description = "Measured runs of each encoder and decoder per size (after one"
            + " unmeasured). Default: ${DEFAULT-VALUE}.")
    int codecRuns = 5;
    @Option(names = "--codec-frames", description = "Frames of the test pattern a run codes. Default: ${DEFAULT-VALUE}.")
    int codecFrames = 300;
    @Option(names = "--call-bitrate", description = "The most video bit/s each side of the call sends."
            + " Default: ${DEFAULT-VALUE}.")
    int callBitrate = 1_000_000;
    @Option(names = "--warm-up", description = "Seconds of the established call not counted. Default: ${DEFAULT-VALUE}.")
    int warmUpSeconds = 5;
    @Option(names = "--cpu-seconds", description = "Seconds of the call whose CPU is counted. Default: ${DEFAULT-VALUE}.")
    int cpuSeconds = 60;
    @Option(names = "--codec-only", description = "Measure the codecs only, without the call.")
    boolean codecOnly;
    @Option(names = "--call-only", description = "Measure the call only, without the codecs.")
    boolean callOnly;
    @Option(names = "--report", description = "Where to write the tables. Default: ${DEFAULT-VALUE}.")
    Path report = Path.of("bench", "target", "video-report.md");

    public static void main(String[] args) {
        System.exit(new CommandLine(new VideoReport()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String loadBefore = loadAverage();
        List<String> lines = new ArrayList<>();
        if (!callOnly) {
            codecs(lines);
        }
        if (!codecOnly) {
            call(lines);
        }
        lines.add(String.format(Locale.ROOT, "Machine: %d cores; load average (1, 5, 15 min) %s at the start, %s at"
                        + " the end. Confab on %s %s.", Runtime.getRuntime().availableProcessors(), loadBefore,
                loadAverage(), System.getProperty("java.vm.name"), System.getProperty("java.version")));
        MarkdownReport.publish(String.join("\n", lines), report);
        return 0;
    }

    private void codecs(List<String> lines) throws IOException {
        List<String> rows = new ArrayList<>(CodecRuns.header());
        for (CodecCase codecCase : CODEC_CASES) {
            System.out.println("VP8 " + codecCase.label() + ": " + codecRuns + " runs of " + codecFrames
                    + " frames each, Confab and ffmpeg in turn...");
            rows.addAll(CodecBench.measure(codecCase, codecFrames, codecRuns).rows());
        }
        lines.addAll(rows);
        lines.add("");
        lines.add(codecNotes());
        lines.add("");
    }

    private void call(List<String> lines) throws Exception {
        VideoCallPlan plan = new VideoCallPlan(CALL_SIZE, CALL_FRAME_RATE, callBitrate,
                Duration.ofSeconds(warmUpSeconds), Duration.ofSeconds(cpuSeconds));
        System.out.println("Confab's video call: " + cpuSeconds + " s counted after " + warmUpSeconds + " s...");
        ConfabVideoCall confabCall = new ConfabVideoCall();
        Optional<VideoCallCpu> confab = Optional.empty();
        String confabFailure = "";
        try {
            confab = Optional.of(confabCall.measure(plan));
        } catch (IllegalStateException | TimeoutException e) {
            confabFailure = "Confab's call was not measured: " + e.getMessage();
            System.out.println(confabFailure);
        }
        System.out.println("Chromium's video call: " + cpuSeconds + " s counted after " + warmUpSeconds + " s...");
        VideoCallComparison comparison = new VideoCallComparison(plan, confab,
                new ChromiumVideoCall().measure(plan));
        lines.addAll(comparison.table());
        lines.add("");
        if (!confabFailure.isEmpty()) {
            lines.add(confabFailure);
            lines.add("");
        }
        for (String note : comparison.notes()) {
            lines.add(note);
            lines.add("");
        }
        if (confab.isPresent()) {
            lines.addAll(GlassToGlass.table(confabCall.glassToGlass(), cpuSeconds));
            lines.add("");
            lines.add(GLASS_TO_GLASS_NOTE);
            lines.add("");
        }
    }

    private String codecNotes() {
        return String.format(Locale.ROOT, """
                Codecs: %d frames of Confab's moving test pattern (TestPattern: scrolling bars, a grainy ramp, a\
                 bouncing box), drawn once into memory and written once as a raw I420 file; each size coded by\
                 Confab's Vp8Encoder with the call's realtime settings (Vp8EncoderConfig.realtime: deadline realtime,\
                 cpu-used -6, no lag, error resilient, CBR with a 1 s buffer, quantizers 2-56) on one thread, and by\
                 the ffmpeg CLI's libvpx with the same settings from that file (-threads 1 -deadline realtime\
                 -cpu-used -6 -lag-in-frames 0 -error-resilient default -static-thresh 1 -undershoot-pct 100\
                 -overshoot-pct 15 -max-intra-rate, -b:v = -minrate = -maxrate = -bufsize), in turn, one unmeasured\
                 run each and then %d measured; Confab's stream of the first run decoded by Confab's Vp8Decoder\
                 (FFmpeg's VP8 decoder, one thread) and by the ffmpeg CLI (-threads 1, to the null muxer) the same\
                 way. Confab: wall-clock and thread CPU time around the loop of encode or decode calls, copying the\
                 picture in and out included, opening the codec not; ffmpeg: the sum of its -benchmark_all lines for\
                 the encoder or decoder (time inside the codec calls, without start-up, reading or muxing). fps: frames\
                 over wall-clock time, as fast as each goes, which on a busy machine also measures the share of a core\
                 each got; CPU ms/frame: the codec's own cost, which load distorts less, and both alike as they run in\
                 turn (Confab / ffmpeg below 1: Confab is cheaper); kbit/s: the stream made (encode) or read (decode) at 30 fps; same bitstream:\
                 whether every ffmpeg encoding made Confab's stream byte for byte (then both ran libvpx with the same\
                 settings and only the cost around it differs). The two use different FFmpeg and libvpx builds: Confab\
                 the ones bundled with org.bytedeco:ffmpeg, the reference %s.""", codecFrames, codecRuns,
                ffmpegVersion());
    }

    private static String ffmpegVersion() {
        try {
            Process process = new ProcessBuilder("ffmpeg", "-hide_banner", "-version").redirectErrorStream(true)
                    .start();
            String first = new String(process.getInputStream().readAllBytes()).lines().findFirst().orElse("ffmpeg");
            process.waitFor();
            return first.replaceAll(" Copyright.*", "");
        } catch (IOException e) {
            return "ffmpeg (version unknown: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "ffmpeg";
        }
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return fields[0] + ", " + fields[1] + ", " + fields[2];
    }
}
