package dev.confab.client.ui.settings;

import static dev.confab.client.e2e.E2E.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.e2e.Friends;
import dev.confab.client.e2e.TestUser;
import dev.confab.client.ui.identity.UiThread;
import dev.confab.media.audio.device.AudioFrames;
import dev.confab.media.audio.device.WavFile;
import dev.confab.media.audio.device.WavWriter;
import dev.confab.media.video.capture.TestPatternDriver;
import dev.confab.testkit.PulseAudio;
import dev.confab.testkit.PulseAudioExtension;
import dev.confab.testkit.PulseStream;
import dev.confab.testkit.VirtualDevice;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings screen's logic on real devices: PulseAudio virtual microphones and speakers, the test-pattern camera,
 * and the real server for the account actions.
 */
class SettingsViewModelTest {
    @RegisterExtension
    static final PulseAudioExtension PULSE = new PulseAudioExtension();
    @RegisterExtension
    static final Friends friends = Friends.standard();
    @RegisterExtension
    static final UiThread UI = new UiThread();

    @TempDir
    Path dir;
    private final AtomicReference<Theme> applied = new AtomicReference<>();
    private final AtomicInteger signedOut = new AtomicInteger();
    private DesktopPreferences prefs;
    private SettingsViewModel model;

    @BeforeEach
    void open() {
        prefs = DesktopPreferences.load(dir.resolve(DesktopPreferences.FILE_NAME));
    }

    @AfterEach
    void close() {
        if (model != null) {
            UI.run(model::close);
        }
    }

    @Test
    void theMeterRisesWhenTheChosenMicrophoneHearsAToneAndFallsInSilence() throws IOException {
        PulseAudio pulse = PULSE.pulse();
        VirtualDevice.Microphone mic = pulse.addMicrophone("settings_mic", "Settings test microphone");
        open(friends.alice());
        UI.run(model::start);
        choose(mic.name(), "Settings test microphone", model.microphones(), model.microphoneProperty());
        assertThat(prefs.microphone()).contains("settings_mic");

        try (PulseStream tone = pulse.play(mic, tone(dir.resolve("tone.wav"), 3))) {
            eventually().until(() -> UI.get(() -> model.micLevelProperty().get()) > 0.7);
        }
        eventually().until(() -> UI.get(() -> model.micLevelProperty().get()) < 0.05);
        assertThat(UI.get(() -> model.problemProperty().get())).isEmpty();
    }

    @Test
    void theTestToneReachesTheChosenSpeaker() throws Exception {
        PulseAudio pulse = PULSE.pulse();
        VirtualDevice.Speaker speaker = pulse.addSpeaker("settings_spk", "Settings test speaker");
        open(friends.alice());
        UI.run(model::start);
        choose(speaker.name(), "Settings test speaker", model.speakers(), model.speakerProperty());

        short[] heard;
        try (PulseStream recording = pulse.record(speaker, dir.resolve("heard.wav"))) {
            UI.run(model::testSpeaker);
            assertThat(UI.get(() -> model.testingSpeakerProperty().get())).isTrue();
            eventually().until(() -> !UI.get(() -> model.testingSpeakerProperty().get()));
            recording.close();
            heard = WavFile.read(recording.file()).samples();
        }

        assertThat(pitch(heard)).isCloseTo(TestTone.FREQUENCY, org.assertj.core.data.Offset.offset(2.0));
        assertThat(rms(heard)).isGreaterThan(1000);
        assertThat(prefs.speaker()).contains("settings_spk");
    }

    @Test
    void thePreviewShowsTheChosenCameraUntilTheScreenIsHidden() {
        open(friends.alice());
        UI.run(model::start);
        choose(TestPatternDriver.DEFAULT_NAME, TestPatternDriver.DEFAULT_NAME, model.cameras(), model.cameraProperty());

        eventually().until(() -> UI.get(() -> model.preview().framesShownProperty().get()) > 5);
        assertThat(UI.get(() -> model.preview().imageProperty().get().getWidth())).isEqualTo(320);
        assertThat(prefs.camera()).contains(TestPatternDriver.DEFAULT_NAME);

        UI.run(model::stop);
        assertThat(UI.get(() -> model.preview().imageProperty().get())).isNull();
        assertThat(UI.get(() -> model.micLevelProperty().get())).isZero();
    }

    @Test
    void aChosenDeviceThatIsGoneIsASentence() {
        prefs.setMicrophone(Optional.of("unplugged_mic"));
        prefs.setCamera(Optional.of("Unplugged camera"));
        open(friends.alice());
        UI.run(model::start);

        eventually().until(() -> UI.get(() -> model.problemProperty().get()).contains("Unplugged camera"));
        String problem = UI.get(() -> model.problemProperty().get());
        assertThat(problem).contains("The microphone \"unplugged_mic\" is not connected. Plug it in, or choose another microphone.")
                .contains("No camera named \"Unplugged camera\" is connected").contains("choose another camera.")
                .doesNotContain("Exception");
        assertThat(UI.get(() -> model.microphoneProperty().get())).isEqualTo(DeviceChoice.missing("unplugged_mic"));
    }

    @Test
    void aThemeIsAppliedAtOnceAndKept() {
        open(friends.alice());

        UI.run(() -> model.themeProperty().set(Theme.DARK));

        assertThat(applied.get()).isEqualTo(Theme.DARK);
        assertThat(DesktopPreferences.load(prefs.file()).theme()).isEqualTo(Theme.DARK);
        UI.run(() -> model.notificationSoundProperty().set(false));
        assertThat(DesktopPreferences.load(prefs.file()).notificationSound()).isFalse();
    }

    @Test
    void aWrongPasswordDeletesNothingAndTheRightOneDeletesTheAccount() {
        TestUser erin = friends.register("erin");
        open(erin);

        UI.run(() -> model.deleteAccount("not my password"));
        eventually().until(() -> !UI.get(() -> model.problemProperty().get()).isEmpty());
        assertThat(UI.get(() -> model.problemProperty().get())).contains("password is not correct")
                .endsWith("Nothing was deleted.");
        assertThat(erin.client.account().signedIn()).isTrue();
        assertThat(signedOut.get()).isZero();

        UI.run(() -> model.deleteAccount(TestUser.PASSWORD));
        eventually().until(() -> signedOut.get() == 1);
        assertThat(erin.client.account().signedIn()).isFalse();
        assertThat(UI.get(() -> model.problemProperty().get())).isEmpty();
    }

    @Test
    void changingThePasswordSaysSoAndAWrongCurrentOneIsASentence() {
        TestUser frank = friends.register("frank");
        open(frank);

        UI.run(() -> model.changePassword("wrong one", "a new long password 7"));
        eventually().until(() -> UI.get(() -> model.problemProperty().get()).contains("password is not correct"));

        UI.run(() -> model.changePassword(TestUser.PASSWORD, "a new long password 7"));
        eventually().until(() -> UI.get(() -> model.noticeProperty().get()).startsWith("Password changed."));
        assertThat(UI.get(() -> model.problemProperty().get())).isEmpty();
    }

    @Test
    void signingOutTellsTheApp() {
        TestUser grace = friends.register("grace");
        open(grace);

        UI.run(model::signOut);

        eventually().until(() -> signedOut.get() == 1);
        assertThat(grace.client.account().signedIn()).isFalse();
    }

    private void open(TestUser user) {
        model = new SettingsViewModel(user.client, UI.executors(), prefs, applied::set, signedOut::incrementAndGet);
    }

    private void choose(String name, String label, javafx.collections.ObservableList<DeviceChoice> list,
            javafx.beans.property.ObjectProperty<DeviceChoice> property) {
        DeviceChoice wanted = new DeviceChoice(Optional.of(name), label);
        eventually().until(() -> UI.get(() -> list.contains(wanted)));
        UI.run(() -> property.set(wanted));
    }

    /** A WAV file of {@code seconds} of 440 Hz at -6 dBFS. */
    private static Path tone(Path file, int seconds) throws IOException {
        short[] samples = new short[AudioFrames.SAMPLE_RATE * seconds];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(16384 * Math.sin(2 * Math.PI * 440 * i / AudioFrames.SAMPLE_RATE));
        }
        try (WavWriter writer = WavWriter.create(file, AudioFrames.SAMPLE_RATE, 1)) {
            writer.write(samples, 0, samples.length);
        }
        return file;
    }

    /**
     * The pitch of the loud part of {@code pcm}, in Hz: from the median distance between upward zero crossings
     * (interpolated between samples) where the signal swings past a tenth of full scale, so a gap in playout does
     * not skew it.
     */
    private static double pitch(short[] pcm) {
        java.util.List<Double> crossings = new java.util.ArrayList<>();
        for (int i = 1; i < pcm.length; i++) {
            boolean loud = i >= 30 && i + 30 < pcm.length && pcm[i - 27] < -3277 && pcm[i + 27] > 3277;
            if (loud && pcm[i - 1] < 0 && pcm[i] >= 0) {
                crossings.add(i - 1 + (double) -pcm[i - 1] / (pcm[i] - pcm[i - 1]));
            }
        }
        double[] periods = new double[Math.max(0, crossings.size() - 1)];
        for (int i = 0; i < periods.length; i++) {
            periods[i] = crossings.get(i + 1) - crossings.get(i);
        }
        java.util.Arrays.sort(periods);
        return periods.length == 0 ? 0 : AudioFrames.SAMPLE_RATE / periods[periods.length / 2];
    }

    private static double rms(short[] pcm) {
        double sum = 0;
        for (short sample : pcm) {
            sum += (double) sample * sample;
        }
        return Math.sqrt(sum / Math.max(1, pcm.length));
    }
}
