package dev.confab.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

/**
 * The real headless Chromium: a page from the loopback server loads, sync and async scripts return JSON, a rejected
 * promise surfaces as an error with the JavaScript message, the fake microphone file and extra flags reach the
 * browser, closing leaves no process and no directory behind, and a crashed run's leftovers are removed.
 */
class ChromiumTest {

    @Test
    void drivesAPageAndCleansUpEverything() {
        Path dir;
        List<ProcessHandle> processes;
        try (TestPageServer pages = TestPageServer.start(); Chromium chromium = Chromium.launch()) {
            dir = chromium.dir();
            assertThat(chromium.browserVersion()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
            chromium.navigate(pages.put("/hello.html", "<!doctype html><title>hello</title><p id=p>hi</p>"));

            assertThat(chromium.execute("return [document.title, arguments[0] + 1];", 41).toString())
                    .isEqualTo("[\"hello\",42]");
            JsonNode webrtc = chromium.evaluate("""
                    const pc = new RTCPeerConnection();
                    pc.addTransceiver('audio');
                    const offer = await pc.createOffer();
                    pc.close();
                    return {sdp: offer.sdp, echo: args[0]};""", "x");
            assertThat(webrtc.path("sdp").asText()).startsWith("v=0\r\n").contains("m=audio ");
            assertThat(webrtc.path("echo").asText()).isEqualTo("x");
            assertThatThrownBy(() -> chromium.evaluate("throw new TypeError('no such thing');"))
                    .isInstanceOf(WebDriverException.class)
                    .hasMessageContaining("TypeError: no such thing");

            processes = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(chromium.dir().toString())).orElse(false))
                    .toList();
            assertThat(processes).as("chromedriver and browser processes").hasSizeGreaterThan(2);
        }
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(dir).doesNotExist();
    }

    @Test
    void passesTheFakeMicrophoneFileAndExtraFlagsToTheBrowser() throws Exception {
        Path wav = Files.createTempFile("confab-fake-mic-", ".wav");
        try {
            writeSilence(wav);
            ChromiumOptions options = ChromiumOptions.DEFAULTS.withFakeAudioCapture(wav)
                    .withExtraFlags(List.of("--lang=en-GB"));
            try (Chromium chromium = Chromium.launch(options)) {
                chromium.navigate("chrome://version");

                String page = chromium.execute("return document.body.innerText;").asText();

                assertThat(page).contains("--use-file-for-fake-audio-capture=" + wav.toAbsolutePath())
                        .contains("--lang=en-GB").contains("--allow-loopback-in-peer-connection");
                JsonNode tracks = chromium.evaluate("""
                        const stream = await navigator.mediaDevices.getUserMedia({audio: true});
                        const kinds = stream.getTracks().map(t => t.kind + ':' + t.readyState);
                        stream.getTracks().forEach(t => t.stop());
                        return kinds;""");
                assertThat(tracks.toString()).isEqualTo("[\"audio:live\"]");
            }
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    @Test
    void removesWhatACrashedRunLeftBehind() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path tmp = Files.createTempDirectory("confab-leftovers-");
        Path leftover = Files.createDirectory(tmp.resolve(ChromiumLeftovers.PREFIX + "crashed"));
        Files.writeString(leftover.resolve(ChromiumLeftovers.OWNER_FILE), Long.toString(gone.pid()));
        Process orphan = new ProcessBuilder("sh", "-c", "sleep 300", leftover.toString()).start();
        Path live = Files.createDirectory(tmp.resolve(ChromiumLeftovers.PREFIX + "live"));
        Files.writeString(live.resolve(ChromiumLeftovers.OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
        try {
            ChromiumLeftovers.clean(tmp);

            assertThat(orphan.isAlive()).isFalse();
            assertThat(leftover).doesNotExist();
            assertThat(live).exists();
        } finally {
            orphan.destroyForcibly();
            Directories.deleteTree(tmp);
        }
    }

    /** One second of 48 kHz 16-bit mono silence. */
    private static void writeSilence(Path wav) throws Exception {
        AudioFormat format = new AudioFormat(48_000, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(new byte[96_000]), format, 48_000)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav.toFile());
        }
    }
}
