package dev.confab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** coturn starts answering STUN on loopback, stops on close, and one left by a crashed JVM is cleaned up. */
class CoturnTest {

    @Test
    void startsAnsweringAndLeavesNothingBehind() throws Exception {
        Path dir;
        ProcessHandle server;
        int port;
        try (Coturn coturn = Coturn.start()) {
            port = coturn.address().getPort();
            assertThat(coturn.address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(FreePorts.udpBound(port)).isTrue();
            dir = ownDirectories().getFirst();
            long pid = Long.parseLong(Files.readString(dir.resolve(LeftoverServers.PID_FILE)));
            server = ProcessHandle.of(pid).orElseThrow();
            assertThat(server.info().command()).hasValueSatisfying(command -> assertThat(command).endsWith("turnserver"));
            assertThat(coturn.log(100)).contains("Relay ports initialization done");
            int[] relay = coturn.relayPorts();
            assertThat(relay[1] - relay[0]).isEqualTo(15);
        }
        assertThat(server.isAlive()).isFalse();
        assertThat(dir).doesNotExist();
        assertThat(FreePorts.udpBound(port)).isFalse();
    }

    @Test
    void aServerLeftByADeadJvmIsKilledWhenTheNextStarts() throws Exception {
        Process deadJvm = new ProcessBuilder("true").start();
        assertThat(deadJvm.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Path orphanDir = Files.createTempDirectory("confab-coturn-" + deadJvm.pid() + "-");
        Process orphan = new ProcessBuilder("turnserver", "-n", "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1",
                "--listening-port=" + FreePorts.udpPair(), "--no-tcp", "--no-tls", "--no-dtls", "--no-cli",
                "--log-file=" + orphanDir.resolve("turnserver.log"), "--no-stdout-log", "--simple-log",
                "--pidfile=" + orphanDir.resolve("turnserver.pid"), "--userdb=" + orphanDir.resolve("turndb"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            LeftoverServers.recordServer(orphanDir, orphan.pid());

            try (Coturn next = Coturn.start()) {
                assertThat(next.address().getPort()).isPositive();
                assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).as("orphan killed").isTrue();
                assertThat(orphanDir).doesNotExist();
            }
        } finally {
            orphan.destroyForcibly();
            Directories.deleteTree(orphanDir);
        }
    }

    private static List<Path> ownDirectories() throws Exception {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString()
                    .startsWith(LeftoverServers.directoryPrefix("confab-coturn-"))).toList();
        }
    }
}
