package dev.confab.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.client.selftest.Finding;
import dev.confab.client.selftest.SelfCheck;
import dev.confab.client.selftest.SelfTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** {@code confab --self-test} and {@code confab --version}, run in-process: no profile, no server. */
class SelfTestCommandTest {
    private static final List<String> LAYERS = List.of("crypto", "dtls", "opus", "vp8", "audio", "camera");

    @Test
    void theSelfTestPassesHereWithALinePerLayer() {
        CliRun run = CliRun.of("", Map.of(), "--self-test");

        assertThat(run.exit()).as(run.toString()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).as(run.toString()).hasSize(1 + LAYERS.size());
        assertThat(lines.getFirst()).startsWith("confab ").contains(", protocol ", ", Java ");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ok   crypto  Ed25519").contains("Bouncy Castle"))
                .anySatisfy(l -> assertThat(l).startsWith("ok   dtls    ").contains("keys agree"))
                .anySatisfy(l -> assertThat(l).startsWith("ok   opus    ").contains("libopus"))
                .anySatisfy(l -> assertThat(l).startsWith("ok   vp8     ").contains("FFmpeg"))
                .anySatisfy(l -> assertThat(l).matches("(ok  |warn) audio   .+"))
                .anySatisfy(l -> assertThat(l).matches("(ok  |warn) camera  .*Confab test pattern.*"));
        assertThat(run.err()).as(run.toString()).isEmpty();
    }

    @Test
    void theSubcommandPrintsTheSameAsJson() {
        CliRun run = CliRun.of("", Map.of(), "--json", "self-test");

        assertThat(run.exit()).as(run.toString()).isZero();
        List<JsonNode> objects = run.json();
        assertThat(objects.getFirst().get("protocol").asInt()).isPositive();
        assertThat(objects.subList(1, objects.size())).extracting(j -> j.get("check").asText()).isEqualTo(LAYERS);
        assertThat(objects.subList(1, 5)).allSatisfy(j -> assertThat(j.get("status").asText()).isEqualTo("ok"));
    }

    @Test
    void aFailingOrHangingCheckFailsWithItsSentenceAndAnOptionalOneOnlyWarns() {
        CountDownLatch never = new CountDownLatch(1);
        SelfTest checks = new SelfTest(List.of(
                new SelfCheck("codec", true, () -> Finding.ok("fine")),
                new SelfCheck("broken", true, () -> {
                    throw new IllegalStateException("libbroken is missing");
                }),
                new SelfCheck("packaged", true, () -> {
                    throw new NoClassDefFoundError("com/example/Missing");
                }),
                new SelfCheck("device", false, () -> {
                    throw new IllegalStateException("no such device");
                }),
                new SelfCheck("hangs", true, () -> {
                    never.await();
                    return Finding.ok("woke up");
                })), Duration.ofMillis(300));

        CliRun.Live live = CliRun.start("", Map.of(), "--self-test");
        int exit = new ConfabCli(live.ctx(), null, checks).execute(live.args());
        CliRun run = new CliRun(exit, live.out(), live.errWriter().toString());

        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.out()).contains("ok   codec   fine", "fail broken  libbroken is missing",
                "warn device  no such device",
                "fail packaged part of this installation is missing (class com.example.Missing does not load)",
                "fail hangs   did not finish within 300 ms");
        assertThat(run.err().lines().toList()).containsExactly(
                "Error: the broken check failed: libbroken is missing",
                "Error: the packaged check failed: part of this installation is missing (class com.example.Missing"
                        + " does not load)",
                "Error: the hangs check failed: did not finish within 300 ms (a device or library hangs)");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void versionPrintsTheVersionAndTheRuntime() {
        CliRun run = CliRun.of("", Map.of(), "--version");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out().lines().toList()).satisfiesExactly(
                l -> assertThat(l).matches("confab \\S.*, protocol \\d+"),
                l -> assertThat(l).startsWith("Java " + System.getProperty("java.version"))
                        .endsWith(System.getProperty("os.arch")));
    }
}
