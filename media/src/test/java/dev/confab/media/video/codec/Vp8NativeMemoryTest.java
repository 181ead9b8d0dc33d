package dev.confab.media.video.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The codec and converter free their native memory: in a JVM whose heap is fixed and touched up front and whose
 * malloc keeps one arena (so resident memory moves only with native allocations), 2000 frames, 1500 rounds of damaged
 * ones and 150 open-use-close lifetimes leave the resident set where it was.
 */
class Vp8NativeMemoryTest {
    private static final Pattern GROWTH = Pattern.compile("rss-growth (\\w+) (-?\\d+)");
    private static final Map<String, Long> GROWTHS = new HashMap<>();

    @BeforeAll
    static void probe() throws IOException, InterruptedException {
        Path log = Files.createTempFile("confab-native-memory-", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xms96m", "-Xmx96m", "-XX:+AlwaysPreTouch",
                "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                NativeMemoryProbe.class.getName(), "frames", "300", "2000", "damaged", "300", "1500",
                "lifecycles", "20", "150"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MALLOC_ARENA_MAX", "1");
        Process process = builder.start();
        try {
            boolean ended = process.waitFor(120, TimeUnit.SECONDS);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(ended).as("the probe ends: %s", output).isTrue();
            assertThat(process.exitValue()).as("probe: %s", output).isZero();
            Matcher growth = GROWTH.matcher(output);
            while (growth.find()) {
                GROWTHS.put(growth.group(1), Long.parseLong(growth.group(2)));
            }
            assertThat(GROWTHS).as("probe: %s", output).containsOnlyKeys("frames", "damaged", "lifecycles");
            System.out.println("RSS growth in KB over 2000 frames, 1500 rounds of damaged frames, 150 lifetimes: "
                    + GROWTHS.get("frames") / 1024 + ", " + GROWTHS.get("damaged") / 1024 + ", "
                    + GROWTHS.get("lifecycles") / 1024);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    @Test
    void framesThroughOneEncoderAndDecoderLeaveNothingBehind() {
        // a frame is ~4 KB at this rate, its decoded picture 115 KB: losing either per frame would add 8-230 MB
        assertThat(GROWTHS.get("frames")).isLessThan(4L << 20);
    }

    @Test
    void damagedFramesLeaveNothingBehind() {
        // each round decodes a keyframe, the keyframe cut short and garbage behind its header
        assertThat(GROWTHS.get("damaged")).isLessThan(4L << 20);
    }

    @Test
    void openingAndClosingLeavesNothingBehind() {
        // a 640x480 encoder holds ~3 MB of reference frames, a decoder ~2 MB, a picture 460 KB: losing one of them
        // per lifetime adds 70-450 MB (117 MB over 200 with the picture left unfreed); measured 0-7 MB (malloc's
        // fragmentation, the JIT)
        assertThat(GROWTHS.get("lifecycles")).isLessThan(24L << 20);
    }
}
