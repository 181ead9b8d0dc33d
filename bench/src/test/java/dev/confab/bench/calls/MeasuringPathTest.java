package dev.confab.bench.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.testkit.PulseAudio;
import dev.confab.testkit.PulseAudioExtension;
import dev.confab.testkit.VirtualDevice;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The mouth and the ears of {@link DeviceLatency} against a real PulseAudio: what the difference of two ears is worth. */
class MeasuringPathTest {
    @RegisterExtension
    static final PulseAudioExtension PULSE = new PulseAudioExtension();
    private static final int BURSTS = 4;
    private static final long SECOND = 1_000_000_000L;

    @Test
    void twoEarsOnTheSameSoundHearEveryBurstAtTheSameInstantWhateverTheirRecordersBuffer() {
        PulseAudio pulse = PULSE.pulse();
        VirtualDevice.Microphone microphone = pulse.addMicrophone("ears_mic", "Microphone with two ears");
        try (PipeEar atFeed = PipeEar.start(pulse.recordToPipe(microphone.feedSink() + ".monitor",
                Duration.ofMillis(10)), "feed");
                PipeEar atMicrophone = PipeEar.start(pulse.recordToPipe(microphone.name(), Duration.ofMillis(50)),
                        "microphone");
                PipeMouth mouth = PipeMouth.start(pulse.playFromPipe(microphone, Duration.ofMillis(100)), BURSTS)) {
            await().atMost(Duration.ofSeconds(BURSTS + 10))
                    .failFast(() -> mouth.failure() != null || atFeed.failure() != null
                            || atMicrophone.failure() != null)
                    .until(() -> mouth.spoken() == BURSTS && heard(atMicrophone, mouth, BURSTS - 1).isPresent());
            for (int burst = 0; burst < BURSTS; burst++) {
                long spoken = mouth.spokenAt(burst);
                long byFeed = heard(atFeed, mouth, burst).orElseThrow();
                long byMicrophone = heard(atMicrophone, mouth, burst).orElseThrow();
                assertThat((byMicrophone - byFeed) / 1e6).as("burst %d, ms", burst).isBetween(-1.0, 1.0);
                assertThat((byFeed - spoken) / 1e6).as("the measuring path, ms").isBetween(0.0, 500.0);
            }
            assertThat((mouth.spokenAt(1) - mouth.spokenAt(0)) / 1e6).as("ms between bursts").isBetween(995.0, 1005.0);
        } finally {
            pulse.remove(microphone);
        }
    }

    private static OptionalLong heard(PipeEar ear, PipeMouth mouth, int burst) {
        long spoken = mouth.spokenAt(burst);
        return ear.heardBetween(spoken - SECOND / 50, spoken + SECOND / 2);
    }
}
