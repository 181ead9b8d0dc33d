package dev.confab.media.video.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The codec and converter free their native memory: in a JVM whose heap is fixed and touched up front and whose
 * malloc keeps one arena (so resident memory moves only with native allocations), 2000 frames, 6000 damaged ones and 150
 * open-use-close lifetimes leave the resident set where it was.
 */
class Vp8NativeMemoryTest {
    private static final Pattern GROWTH = Pattern.compile("rss-growth (-?\\d+)");

    @Test
    void framesThroughOneEncoderAndDecoderLeaveNothingBehind() throws Exception {
        // a frame is ~4 KB at this rate, its decoded picture 115 KB: losing either per frame would add 8-230 MB
        long growth = probe("frames", 300, 2000);
        System.out.printf("RSS growth over 2000 frames: %d KB%n", growth / 1024);
        assertThat(growth).isLessThan(4L << 20);
    }

    @Test
    void damagedFramesLeaveNothingBehind() throws Exception {
        long growth = probe("damaged", 300, 3000);
        System.out.printf("RSS growth over 3000 rounds of damaged frames: %d KB%n", growth / 1024);
        assertThat(growth).isLessThan(4L << 20);
    }

    @Test
    void openingAndClosingLeavesNothingBehind() throws Exception {
        // a 640x480 encoder holds ~3 MB of reference frames, a decoder ~2 MB, a picture 460 KB: losing one of them
        // per lifetime adds 70-450 MB (117 MB over 200 with the picture left unfreed); measured 0-7 MB (malloc's
        // fragmentation, the JIT)
        long growth = probe("lifecycles", 20, 150);
        System.out.printf("RSS growth over 150 lifetimes: %d KB%n", growth / 1024);
        assertThat(growth).isLessThan(24L << 20);
    }

    private static long probe(String scenario, int warmUp, int runs) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xms96m", "-Xmx96m", "-XX:+AlwaysPreTouch",
                "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                NativeMemoryProbe.class.getName(), scenario, Integer.toString(warmUp), Integer.toString(runs)))
                .redirectErrorStream(true);
        builder.environment().put("MALLOC_ARENA_MAX", "1");
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the probe ends").isTrue();
            assertThat(process.exitValue()).as("probe: %s", output).isZero();
            Matcher growth = GROWTH.matcher(output);
            assertThat(growth.find()).as("probe: %s", output).isTrue();
            return Long.parseLong(growth.group(1));
        } finally {
            process.destroyForcibly();
        }
    }
}
