package dev.confab.media.audio.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.testkit.PulseAudio;
import dev.confab.testkit.PulseAudioExtension;
import dev.confab.testkit.PulseStream;
import dev.confab.testkit.TestRandom;
import dev.confab.testkit.VirtualDevice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Listing, capture, playout and device loss against a real PulseAudio with virtual devices. */
class LineAudioPulseTest {
    @RegisterExtension
    static final PulseAudioExtension PULSE = new PulseAudioExtension();
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(10);

    private final AudioDevices devices = new AudioDevices();

    @TempDir
    Path tmp;

    @Test
    void listsTheVirtualDevicesAndTheSystemDefault() {
        PulseAudio pulse = PULSE.pulse();
        VirtualDevice.Speaker speaker = pulse.addSpeaker("list_speaker", "Listed speaker");
        VirtualDevice.Microphone microphone = pulse.addMicrophone("list_mic", "Listed microphone");
        VirtualDevice.Speaker other = pulse.addSpeaker("other_speaker", "Other speaker");
        pulse.makeDefault(speaker);
        pulse.makeDefault(microphone);
        try {
            assertThat(devices.list(Direction.PLAYOUT)).contains(new AudioDevice("list_speaker", "Listed speaker",
                    Direction.PLAYOUT, true, AudioDevice.Kind.PULSE_AUDIO), new AudioDevice("other_speaker",
                    "Other speaker", Direction.PLAYOUT, false, AudioDevice.Kind.PULSE_AUDIO));
            assertThat(devices.list(Direction.CAPTURE)).contains(new AudioDevice("list_mic", "Listed microphone",
                    Direction.CAPTURE, true, AudioDevice.Kind.PULSE_AUDIO))
                    .noneMatch(d -> d.name().endsWith(".monitor"));
            assertThat(devices.find(Direction.CAPTURE, "list_mic")).isPresent();
            assertThat(devices.find(Direction.CAPTURE, "default")).contains(AudioDevice.systemDefault(Direction.CAPTURE));
            assertThat(devices.find(Direction.PLAYOUT, "no_such_device")).isEmpty();
        } finally {
            pulse.remove(speaker);
            pulse.remove(other);
            pulse.remove(microphone);
        }
    }

    @Test
    void capturesWhatTheMicrophoneHears() throws Exception {
        PulseAudio pulse = PULSE.pulse();
        VirtualDevice.Microphone microphone = pulse.addMicrophone("tone_mic", "Tone microphone");
        Path tone = tmp.resolve("tone.wav");
        WavFile.write(tone, PcmAudio.mono48k(Signals.tone(1000, 1.5, 12_000)));
        short[] heard = new short[AudioFrames.SAMPLE_RATE * 4];
        AtomicInteger position = new AtomicInteger();
        DeviceEvents events = new DeviceEvents();
        AudioDevice device = devices.find(Direction.CAPTURE, microphone.name()).orElseThrow();
        try (LineCapture capture = LineCapture.start(devices, device, LineOptions.defaults(), frame -> {
            int at = position.get();
            if (at + frame.length <= heard.length) {
                System.arraycopy(frame, 0, heard, at, frame.length);
                position.addAndGet(frame.length);
            }
        }, events)) {
            events.awaitEvent(DeviceEvent.Opened.class, o -> o.device().equals(device), OPEN_TIMEOUT);
            try (PulseStream playing = pulse.play(microphone, tone)) {
                assertThat(playing.awaitEnd(Duration.ofSeconds(10))).as(playing.log()).isTrue();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> Signals.onset(heard, 6000) >= 0
                    && position.get() > Signals.onset(heard, 6000) + AudioFrames.SAMPLE_RATE);
        } finally {
            pulse.remove(microphone);
        }
        int start = Signals.onset(heard, 6000) + 4800;
        int window = AudioFrames.SAMPLE_RATE / 2;
        assertThat(Signals.power(heard, start, window, 1000))
                .as("1 kHz against 700 Hz").isGreaterThan(1000 * Signals.power(heard, start, window, 700));
        assertThat(Signals.rms(heard, start, window)).isBetween(12_000 / Math.sqrt(2) / 1.41, 12_000 / Math.sqrt(2) * 1.41);
    }

    @Test
    void playsIntoTheSpeakerWhatTheSupplierGives() throws Exception {
        PulseAudio pulse = PULSE.pulse();
        VirtualDevice.Speaker speaker = pulse.addSpeaker("play_speaker", "Playout speaker");
        short[] source = Signals.noise(TestRandom.seeded(5), 1.0, 8000);
        Path recorded = tmp.resolve("recorded.wav");
        DeviceEvents events = new DeviceEvents();
        AudioDevice device = devices.find(Direction.PLAYOUT, speaker.name()).orElseThrow();
        try (PulseStream recording = pulse.record(speaker, recorded)) {
            AtomicInteger position = new AtomicInteger();
            try (LinePlayout playout = LinePlayout.start(devices, device, LineOptions.defaults(), frame -> {
                int at = position.getAndAdd(frame.length);
                for (int i = 0; i < frame.length; i++) {
                    frame[i] = at + i < source.length ? source[at + i] : 0;
                }
            }, events)) {
                events.awaitEvent(DeviceEvent.Opened.class, o -> o.device().equals(device), OPEN_TIMEOUT);
                await().atMost(Duration.ofSeconds(10)).until(() -> position.get() > source.length + 24_000);
            }
            assertThat(recording.isAlive()).as(recording.log()).isTrue();
        } finally {
            pulse.remove(speaker);
        }
        short[] heard = WavFile.read(recorded).samples();
        int onset = Signals.onset(heard, 2000);
        assertThat(onset).as("the recording holds the signal").isNotNegative();
        int length = AudioFrames.SAMPLE_RATE / 2;
        int lag = Signals.align(source, heard, onset, 480, length);
        assertThat(Signals.correlation(source, heard, lag, length)).isGreaterThan(0.95);
        double gainDb = 20 * Math.log10(Signals.rms(heard, lag, length) / Signals.rms(source, 0, length));
        assertThat(gainDb).isBetween(-3.0, 3.0);
    }

    @ParameterizedTest(name = "devices at {0} Hz")
    @ValueSource(ints = {48_000, 44_100})
    void captureAndPlayoutWakeAboutOncePerFrame(int deviceRate) throws Exception {
        // At 44.1 kHz the server resamples and feeds the line in chunks, a frame's worth each, the frame 16 bytes short.
        PulseAudio pulse = PULSE.pulse();
        VirtualDevice.Microphone microphone = pulse.addMicrophone("paced_mic", "Paced microphone", deviceRate);
        VirtualDevice.Speaker speaker = pulse.addSpeaker("paced_speaker", "Paced speaker", deviceRate);
        DeviceEvents captureEvents = new DeviceEvents();
        DeviceEvents playoutEvents = new DeviceEvents();
        try (LineCapture capture = LineCapture.start(devices, devices.find(Direction.CAPTURE, microphone.name())
                        .orElseThrow(), LineOptions.defaults(), frame -> { }, captureEvents);
                LinePlayout playout = LinePlayout.start(devices, devices.find(Direction.PLAYOUT, speaker.name())
                        .orElseThrow(), LineOptions.defaults(), frame -> { }, playoutEvents)) {
            captureEvents.awaitEvent(DeviceEvent.Opened.class, o -> true, OPEN_TIMEOUT);
            playoutEvents.awaitEvent(DeviceEvent.Opened.class, o -> true, OPEN_TIMEOUT);
            await().atMost(Duration.ofSeconds(10)).until(() -> capture.stats().frames() > 25
                    && playout.stats().frames() > 25);
            long captured = capture.stats().frames();
            long played = playout.stats().frames();
            long captureWakeUps = ThreadWakeUps.of("audio-capture");
            long playoutWakeUps = ThreadWakeUps.of("audio-playout");
            await().atMost(Duration.ofSeconds(10)).until(() -> capture.stats().frames() >= captured + 150
                    && playout.stats().frames() >= played + 150);
            // Java Sound's own blocking write wakes the playout ~1.33 times a frame on a 60 ms line. The capture line
            // comes in chunks here (at 44.1 kHz 16 bytes short of a frame, where a wait for the missing bytes woke ~35
            // times a frame); its schedule wakes early now and then and looks again: ~1.2 times a frame.
            assertThat((double) (ThreadWakeUps.of("audio-capture") - captureWakeUps)
                    / (capture.stats().frames() - captured)).as("capture wake-ups per frame").isLessThan(1.5);
            assertThat((double) (ThreadWakeUps.of("audio-playout") - playoutWakeUps)
                    / (playout.stats().frames() - played)).as("playout wake-ups per frame").isLessThan(1.2);
        } finally {
            pulse.remove(speaker);
            pulse.remove(microphone);
        }
    }

    @Test
    void aRemovedSpeakerIsReportedAndPlayoutGoesOnOnTheDefault() throws Exception {
        PulseAudio pulse = PULSE.pulse();
        VirtualDevice.Speaker fallback = pulse.addSpeaker("fallback_speaker", "Fallback speaker");
        VirtualDevice.Speaker chosen = pulse.addSpeaker("unplugged_speaker", "Unplugged speaker");
        pulse.makeDefault(fallback);
        DeviceEvents events = new DeviceEvents();
        AudioDevice device = devices.find(Direction.PLAYOUT, chosen.name()).orElseThrow();
        Path recorded = tmp.resolve("fallback.wav");
        LineOptions options = LineOptions.defaults().withPresenceInterval(Duration.ofMillis(200));
        try (LinePlayout playout = LinePlayout.start(devices, device, options,
                frame -> System.arraycopy(Signals.tone(440, 0.02, 10_000), 0, frame, 0, frame.length), events)) {
            events.awaitEvent(DeviceEvent.Opened.class, o -> o.device().equals(device), OPEN_TIMEOUT);
            pulse.remove(chosen);
            events.awaitEvent(DeviceEvent.Lost.class, l -> l.device().equals(device), Duration.ofSeconds(5));
            events.awaitEvent(DeviceEvent.Opened.class, o -> o.device().followsSystemDefault(), OPEN_TIMEOUT);
            try (PulseStream recording = pulse.record(fallback, recorded)) {
                long before = playout.stats().frames();
                await().atMost(Duration.ofSeconds(5)).until(() -> playout.stats().frames() > before + 25);
            }
            assertThat(playout.stats().losses()).isEqualTo(1);
            assertThat(playout.stats().openings()).isEqualTo(2);
        } finally {
            pulse.remove(fallback);
        }
        assertThat(Signals.rms(WavFile.read(recorded).samples(), 0, AudioFrames.SAMPLES_PER_FRAME * 10))
                .as("the default speaker plays the tone").isGreaterThan(3000);
    }

    @Test
    void aPlayoutStreamTheServerReplacesAfterAnUnderrunIsBroughtBackToItsDevice() throws Exception {
        PulseAudio pulse = PULSE.pulse();
        VirtualDevice.Speaker fallback = pulse.addSpeaker("default_speaker", "Default speaker");
        VirtualDevice.Speaker chosen = pulse.addSpeaker("chosen_speaker", "Chosen speaker");
        pulse.makeDefault(fallback);
        DeviceEvents events = new DeviceEvents();
        AudioDevice device = devices.find(Direction.PLAYOUT, chosen.name()).orElseThrow();
        Path recorded = tmp.resolve("chosen.wav");
        LineOptions options = LineOptions.defaults().withPresenceInterval(Duration.ofMillis(200));
        AtomicInteger frames = new AtomicInteger();
        short[] tone = Signals.tone(440, 0.02, 10_000);
        try (LinePlayout playout = LinePlayout.start(devices, device, options, frame -> {
            if (frames.incrementAndGet() == 50) {
                sleep(Duration.ofMillis(200)); // the line runs dry: the server gets a new stream, on its default
            }
            System.arraycopy(tone, 0, frame, 0, frame.length);
        }, events)) {
            events.awaitEvent(DeviceEvent.Opened.class, o -> o.device().equals(device), OPEN_TIMEOUT);
            events.awaitEvent(DeviceEvent.Lost.class, l -> l.reason().contains("replaced"), Duration.ofSeconds(10));
            events.awaitEvent(DeviceEvent.Opened.class, o -> o.device().equals(device), OPEN_TIMEOUT);
            try (PulseStream recording = pulse.record(chosen, recorded)) {
                long before = playout.stats().frames();
                await().atMost(Duration.ofSeconds(5)).until(() -> playout.stats().frames() > before + 25);
            }
        } finally {
            pulse.remove(chosen);
            pulse.remove(fallback);
        }
        assertThat(Signals.rms(WavFile.read(recorded).samples(), 0, AudioFrames.SAMPLES_PER_FRAME * 10))
                .as("the chosen speaker plays the tone again").isGreaterThan(3000);
    }

    @Test
    void aChosenDeviceIsAskedAfterOnlyWhenTheServersDevicesOrStreamsChange() throws Exception {
        PulseAudio pulse = PULSE.pulse();
        VirtualDevice.Speaker chosen = pulse.addSpeaker("watched_speaker", "Watched speaker");
        DeviceEvents events = new DeviceEvents();
        AudioDevice device = devices.find(Direction.PLAYOUT, chosen.name()).orElseThrow();
        LineOptions options = LineOptions.defaults().withPresenceInterval(Duration.ofMillis(100));
        try (LinePlayout playout = LinePlayout.start(devices, device, options, frame -> { }, events)) {
            events.awaitEvent(DeviceEvent.Opened.class, o -> o.device().equals(device), OPEN_TIMEOUT);
            // Asked at first (and once more if the server's events were not followed yet); then not while nothing
            // changes.
            await().atMost(Duration.ofSeconds(10)).until(() -> playout.stats().presenceChecks() >= 1);
            long[] seen = {-1};
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(600)).until(() -> {
                long checks = playout.stats().presenceChecks();
                boolean unchanged = checks == seen[0]; // over six intervals of the watcher
                seen[0] = checks;
                return unchanged;
            });
            long steady = seen[0];
            VirtualDevice.Speaker other = pulse.addSpeaker("arriving_speaker", "Arriving speaker");
            try {
                await().atMost(Duration.ofSeconds(5)).until(() -> playout.stats().presenceChecks() > steady);
            } finally {
                pulse.remove(other);
            }
            assertThat(playout.stats().losses()).as("the line was kept").isZero();
        } finally {
            pulse.remove(chosen);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
