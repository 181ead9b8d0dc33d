package dev.confab.media.video.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegNativesTest {
    @TempDir
    Path dir;

    /** A call hung up while its decoder thread loaded FFmpeg for the first time left video broken for the JVM's life. */
    @Test
    void aLoadInterruptedOnAColdCacheLeavesFfmpegUsable() throws IOException, InterruptedException {
        Path cache = Files.createDirectory(dir.resolve("javacpp-cache"));
        Path log = dir.resolve("probe.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx64m", "--enable-native-access=ALL-UNNAMED",
                "-Dorg.bytedeco.javacpp.cachedir=" + cache, "-cp", System.getProperty("java.class.path"),
                InterruptedLoadProbe.class.getName()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            boolean ended = process.waitFor(60, TimeUnit.SECONDS);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(ended).as("the probe ends: %s", output).isTrue();
            assertThat(process.exitValue()).as("probe: %s", output).isZero();
            assertThat(output).as("probe").contains("avcodec ").doesNotContain("load failed");
            try (Stream<Path> extracted = Files.walk(cache)) {
                assertThat(extracted.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                        .as("the probe loaded FFmpeg from the empty cache it was given")
                        .anyMatch(name -> name.startsWith("libavcodec"));
            }
        } finally {
            process.destroyForcibly();
        }
    }
}
