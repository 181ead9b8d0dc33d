package dev.confab.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Line;
import javax.sound.sampled.TargetDataLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The private daemon starts, Java Sound sees it, devices carry sound, and nothing is left behind. */
class PulseAudioTest {
    @TempDir
    Path tmp;

    @Test
    void aMicrophoneHearsWhatIsPlayedIntoItAndNothingIsLeftAfterClose() throws Exception {
        Path dir;
        ProcessHandle daemon;
        Path socket;
        try (PulseAudio pulse = PulseAudio.start()) {
            socket = Path.of(pulse.server().substring("unix:".length()));
            dir = ownDirectories().getFirst();
            daemon = ProcessHandle.of(Long.parseLong(Files.readString(dir.resolve(LeftoverServers.PID_FILE))))
                    .orElseThrow();
            VirtualDevice.Speaker speaker = pulse.addSpeaker("test_speaker", "Test speaker");
            VirtualDevice.Microphone microphone = pulse.addMicrophone("test_mic", "Test microphone");
            assertThat(pulse.pactl("list", "short", "sinks")).contains("test_speaker", "test_mic_feed");
            assertThat(pulse.pactl("list", "short", "sources")).contains("test_mic", "test_speaker.monitor");
            assertThat(AudioSystem.getTargetLineInfo(new Line.Info(TargetDataLine.class))).isNotEmpty();

            Path heard = tmp.resolve("heard.wav");
            try (PulseStream recording = pulse.recordSource(microphone.name(), heard);
                    PulseStream playing = pulse.play(microphone, tone(tmp.resolve("tone.wav")))) {
                assertThat(playing.awaitEnd(Duration.ofSeconds(10))).as(playing.log()).isTrue();
                assertThat(recording.isAlive()).as(recording.log()).isTrue();
            }
            assertThat(peak(heard)).as("loudest sample the microphone heard").isGreaterThan(8000);

            pulse.remove(speaker);
            assertThat(pulse.pactl("list", "short", "sinks")).doesNotContain("test_speaker");
        }
        assertThat(daemon.isAlive()).isFalse();
        assertThat(dir).doesNotExist();
        assertThat(socket).doesNotExist();
    }

    @Test
    void aPipeRecordsWhatAnotherPipePlaysIntoAMicrophone() throws Exception {
        try (PulseAudio pulse = PulseAudio.start()) {
            VirtualDevice.Microphone microphone = pulse.addMicrophone("pipe_mic", "Pipe microphone");
            int[] peak = {0};
            byte[] chunk = new byte[4096];
            try (PulsePipe recording = pulse.recordToPipe(microphone.name(), Duration.ofMillis(10));
                    PulsePipe playing = pulse.playFromPipe(microphone, Duration.ofMillis(10))) {
                byte[] tone = Files.readAllBytes(tone(tmp.resolve("tone.wav")));
                playing.toPlay().write(tone, 44, tone.length - 44);
                playing.toPlay().flush();
                await().atMost(Duration.ofSeconds(10)).failFast(() -> !recording.isAlive()).until(() -> {
                    int n = recording.recorded().read(chunk, 0, Math.min(chunk.length,
                            recording.recorded().available() & ~1));
                    ByteBuffer samples = ByteBuffer.wrap(chunk, 0, Math.max(n, 0)).order(ByteOrder.LITTLE_ENDIAN);
                    while (samples.remaining() >= 2) {
                        peak[0] = Math.max(peak[0], Math.abs(samples.getShort()));
                    }
                    return peak[0] > 8000;
                });
                assertThat(playing.isAlive()).as(playing.log()).isTrue();
            }
        }
    }

    @Test
    void aDaemonLeftByADeadJvmIsKilledWhenTheNextStarts() throws Exception {
        Process deadJvm = new ProcessBuilder("true").start();
        assertThat(deadJvm.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Path orphanDir = Files.createTempDirectory("confab-pulse-" + deadJvm.pid() + "-");
        Files.createDirectories(orphanDir.resolve("run"));
        ProcessBuilder builder = new ProcessBuilder("pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1",
                "--use-pid-file=no", "--load=module-native-protocol-unix socket=" + orphanDir.resolve("native"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("HOME", orphanDir.toString());
        builder.environment().put("XDG_RUNTIME_DIR", orphanDir.resolve("run").toString());
        Process orphan = builder.start();
        try {
            LeftoverServers.recordServer(orphanDir, orphan.pid());
            try (PulseAudio next = PulseAudio.start()) {
                assertThat(next.pactl("info")).contains("Server Name: pulseaudio");
                assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).as("orphan killed").isTrue();
                assertThat(orphanDir).doesNotExist();
            }
        } finally {
            orphan.destroyForcibly();
            Directories.deleteTree(orphanDir);
        }
    }

    /** Half a second of a loud 440 Hz tone, 48 kHz 16-bit mono. */
    private static Path tone(Path file) throws Exception {
        int samples = PulseAudio.SAMPLE_RATE / 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + 2 * samples).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(PulseAudio.SAMPLE_RATE).putInt(2 * PulseAudio.SAMPLE_RATE)
                .putShort((short) 2).putShort((short) 16).put("data".getBytes()).putInt(2 * samples);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (16_000 * Math.sin(2 * Math.PI * 440 * i / PulseAudio.SAMPLE_RATE)));
        }
        return Files.write(file, wav.array());
    }

    private static int peak(Path wav) throws Exception {
        ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN).position(44);
        int peak = 0;
        while (data.remaining() >= 2) {
            peak = Math.max(peak, Math.abs(data.getShort()));
        }
        return peak;
    }

    private static List<Path> ownDirectories() throws Exception {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString()
                    .startsWith(LeftoverServers.directoryPrefix("confab-pulse-"))).toList();
        }
    }
}
