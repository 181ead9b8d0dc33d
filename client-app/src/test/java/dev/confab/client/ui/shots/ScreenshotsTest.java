package dev.confab.client.ui.shots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.testkit.PulseAudio;
import dev.confab.testkit.PulseAudioExtension;
import dev.confab.testkit.ServerProcess;
import dev.confab.testkit.Xvfb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Takes the README's screenshots: {@link ScreenshotTour} in its own JVM on a private Xvfb display (real GTK
 * windows, software rendering) against a real server, with virtual PulseAudio devices for its calls. The pictures
 * land in {@code client-app/target/screenshots/{light,dark}}; this test checks each one is there, is not blank, and
 * that the dark one is darker than the light one.
 */
class ScreenshotsTest {
    @RegisterExtension
    static final PulseAudioExtension PULSE = new PulseAudioExtension();
    private static final Path OUT = Path.of("target", "screenshots");

    @TempDir
    Path work;

    @Test
    void everyMainScreenIsPhotographedInALightAndADarkTheme() throws Exception {
        PulseAudio pulse = PULSE.pulse();
        pulse.makeDefault(pulse.addSpeaker("shots_spk", "Screenshot speaker"));
        pulse.makeDefault(pulse.addMicrophone("shots_mic", "Screenshot microphone"));
        try (ServerProcess server = ServerProcess.builder().dataDir(work.resolve("server")).build().start();
                Xvfb x = Xvfb.start(1280, 800)) {
            Path log = work.resolve("tour.log");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.awt.headless=true", "-Dprism.order=sw", "--enable-native-access=ALL-UNNAMED",
                    "-Dlogback.configurationFile=" + System.getProperty("logback.configurationFile"),
                    "-cp", System.getProperty("java.class.path"), ScreenshotTour.class.getName(),
                    server.baseUrl(), OUT.toAbsolutePath().toString(), work.resolve("tour").toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("DISPLAY", x.display());
            Process tour = builder.start();
            boolean ended = tour.waitFor(180, TimeUnit.SECONDS);
            if (!ended) {
                tour.destroyForcibly().waitFor();
            }
            assertThat(ended && tour.exitValue() == 0).as("the tour ends well; its output:\n%s", tail(log)).isTrue();
        }
        for (String screen : ScreenshotTour.SCREENS) {
            Png.Facts light = Png.facts(OUT.resolve("light").resolve(screen + ".png"));
            Png.Facts dark = Png.facts(OUT.resolve("dark").resolve(screen + ".png"));
            assertThat(light.colours()).as("%s is a picture, not a blank", screen).isGreaterThan(20);
            assertThat(light.width()).as("%s has a window's size", screen).isGreaterThan(300);
            assertThat(dark.meanLuma()).as("%s is darker in the dark theme", screen).isLessThan(light.meanLuma() - 40);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of("(no output)");
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
