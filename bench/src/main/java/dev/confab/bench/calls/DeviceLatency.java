package dev.confab.bench.calls;

import static org.awaitility.Awaitility.await;

import dev.confab.media.audio.device.AudioDevice;
import dev.confab.media.audio.device.AudioDevices;
import dev.confab.media.audio.device.Direction;
import dev.confab.media.audio.device.LineOptions;
import dev.confab.media.audio.device.LineStats;
import dev.confab.testkit.PulseAudio;
import dev.confab.testkit.VirtualDevice;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Mouth-to-ear latency through virtual PulseAudio devices: a talker's microphone (a null sink whose monitor a source
 * remaps) and a listener's speaker (a null sink), with Confab's capture line reading the microphone and its playout
 * line playing to the speaker ({@link RoutedLines}), joined either directly or by a call ({@link DeviceRoute}).
 *
 * <p>A mouth ({@link PipeMouth}, {@code pacat}) plays a {@link Bursts burst} a second into the microphone's sink, and
 * two ears ({@link PipeEar}, {@code parec}, the same settings) note when each burst arrives at that sink's monitor, the
 * sound entering the microphone, and at the speaker's monitor, the sound leaving the speaker. The difference is the
 * burst's mouth-to-ear latency: the capture line, the route, the playout line and the speaker's sink, with the
 * measuring path (the mouth's player and the ears' recorders) taken out, since both ears carry the same recorder's
 * delay. The measuring path's own latency, mouth to microphone, is kept as the reference.
 *
 * <p>Thread contract: one thread calls {@link #measure} at a time; {@link #close()} removes the devices.
 */
final class DeviceLatency implements AutoCloseable {
    /** What the ears ask of the server: small, so that a burst is read soon after it arrives. */
    private static final Duration EAR_LATENCY = Duration.ofMillis(10);
    /** What the mouth asks: large, so that a late wake-up of the player or the daemon on a busy machine empties nothing. */
    private static final Duration MOUTH_LATENCY = Duration.ofMillis(100);
    private static final long HEARD_WITHIN_NANOS = 900_000_000L;
    private static final long EARLY_NANOS = 20_000_000L;

    private final PulseAudio pulse;
    private final AudioDevices devices = new AudioDevices();
    private final VirtualDevice.Microphone microphone;
    private final VirtualDevice.Speaker speaker;
    private final List<VirtualDevice> made = new ArrayList<>();

    /**
     * Makes the talker's microphone and the listener's speaker on {@code pulse}, and a silent microphone and a speaker
     * no one hears as the system's defaults, as on a machine where the devices chosen for the call are not the
     * defaults: a stream that lands on a default loses the bursts instead of looping them back into the microphone.
     */
    DeviceLatency(PulseAudio pulse) {
        this.pulse = pulse;
        this.microphone = made(pulse.addMicrophone("talker_mic", "Talker microphone"));
        this.speaker = made(pulse.addSpeaker("listener_speaker", "Listener speaker"));
        pulse.makeDefault(made(pulse.addMicrophone("default_mic", "Default microphone, silent")));
        pulse.makeDefault(made(pulse.addSpeaker("default_speaker", "Default speaker, unheard")));
    }

    private <T extends VirtualDevice> T made(T device) {
        made.add(device);
        return device;
    }

    /** {@code bursts} bursts after {@code warmUp} unmeasured ones through {@code route}, lines of {@code bufferMillis}. */
    DevicePhase measure(DeviceRoute route, int bufferMillis, int warmUp, int bursts) throws Exception {
        AudioDevice mic = devices.find(Direction.CAPTURE, microphone.name()).orElseThrow();
        AudioDevice out = devices.find(Direction.PLAYOUT, speaker.name()).orElseThrow();
        LineOptions options = LineOptions.defaults().withBufferMillis(bufferMillis);
        try (PipeEar atMicrophone = PipeEar.start(pulse.recordToPipe(microphone.feedSink() + ".monitor",
                EAR_LATENCY), "microphone");
                PipeEar atSpeaker = PipeEar.start(pulse.recordToPipe(speaker.monitor(), EAR_LATENCY), "speaker");
                RoutedLines lines = RoutedLines.start(route, devices, mic, out, options)) {
            lines.awaitFlowing(Duration.ofSeconds(15));
            LineStats captureBefore = lines.captureStats();
            LineStats playoutBefore = lines.playoutStats();
            long started = System.nanoTime();
            Heard heard;
            int strayedPlayout;
            int strayedCapture;
            try (StreamWatch streams = StreamWatch.start(pulse, speaker.name(), microphone.name());
                    PipeMouth mouth = PipeMouth.start(pulse.playFromPipe(microphone, MOUTH_LATENCY), warmUp + bursts)) {
                heard = listen(mouth, atMicrophone, atSpeaker, warmUp, bursts);
                strayedPlayout = streams.strayedPlaying();
                strayedCapture = streams.strayedRecording();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            LineStats capture = lines.captureStats();
            LineStats playout = lines.playoutStats();
            lines.troubles().forEach(trouble -> System.out.println("  " + trouble));
            return new DevicePhase(route, bufferMillis, lines.captureBufferMillis(), lines.playoutBufferMillis(),
                    seconds, heard.missed(), capture.overruns() - captureBefore.overruns(),
                    playout.underruns() - playoutBefore.underruns(),
                    capture.losses() - captureBefore.losses() + playout.losses() - playoutBefore.losses(),
                    strayedPlayout, strayedCapture, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    heard.reference(), heard.measured());
        }
    }

    /** Waits until the mouth has spoken every burst and the last could have been heard, and pairs what was heard. */
    private static Heard listen(PipeMouth mouth, PipeEar atMicrophone, PipeEar atSpeaker, int warmUp, int bursts) {
        int total = warmUp + bursts;
        await("all " + total + " bursts spoken and heard").atMost(Duration.ofSeconds(total + 15L))
                .pollInterval(Duration.ofMillis(100))
                .failFast("the measuring path broke", () -> mouth.failure() != null || atMicrophone.failure() != null
                        || atSpeaker.failure() != null)
                .until(() -> mouth.spoken() == total
                        && System.nanoTime() - mouth.spokenAt(total - 1) > HEARD_WITHIN_NANOS);
        List<Double> reference = new ArrayList<>();
        List<Double> measured = new ArrayList<>();
        int missed = 0;
        for (int burst = warmUp; burst < total; burst++) {
            long spoken = mouth.spokenAt(burst);
            OptionalLong entered = atMicrophone.heardBetween(spoken - EARLY_NANOS, spoken + HEARD_WITHIN_NANOS);
            OptionalLong played = atSpeaker.heardBetween(spoken, spoken + HEARD_WITHIN_NANOS);
            if (entered.isEmpty() || played.isEmpty()) {
                missed++;
            } else {
                reference.add((entered.getAsLong() - spoken) / 1e6);
                measured.add((played.getAsLong() - spoken) / 1e6);
            }
        }
        return new Heard(reference, measured, missed);
    }

    /** The bursts heard at both ears, paired, and how many were not. */
    private record Heard(List<Double> reference, List<Double> measured, int missed) {
    }

    @Override
    public void close() {
        made.reversed().forEach(pulse::remove);
    }
}
