package dev.confab.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A TCP echo server listening on loopback inside alice's namespace, reached from the test JVM through a
 * {@link NamespacePortBridge}: bytes, half-closes and closes pass both ways, connections come and go one after another
 * and side by side, HTTP requests keep one connection alive, and closing the bridge leaves no child and no socket
 * file.
 */
class NamespacePortBridgeTest {
    private static final Duration FIRST_REPLY = Duration.ofSeconds(20);
    private static final Duration REPLY = Duration.ofSeconds(5);
    private static final int ECHO_PORT = 7007;
    private static final int HTTP_PORT = 8080;
    private static final int READ_TIMEOUT_MS = 5_000;

    @RegisterExtension
    static final NetworkLabExtension NETWORK = NetworkLabExtension.of(
            Topology.twoNattedPeersAndServer(NatMapping.ENDPOINT_INDEPENDENT));

    private NamespaceJvm echo;

    @BeforeEach
    void startEchoServer() {
        echo = NETWORK.lab().host("alice").startJvm(TcpEchoMain.class, Integer.toString(ECHO_PORT));
        echo.request("open", FIRST_REPLY);
    }

    @AfterEach
    void stopEchoServer() {
        echo.close();
    }

    @Test
    void connectionsOneAfterAnotherEachEndWithAHalfCloseBothWays() throws IOException {
        try (NamespacePortBridge bridge = openToEcho()) {
            for (int i = 0; i < 3; i++) {
                try (Socket socket = connect(bridge)) {
                    send(socket, "request " + i);
                    socket.shutdownOutput();

                    assertThat(readToEnd(socket)).as("the echo, then the server's close passed on as end of stream")
                            .isEqualTo("request " + i);
                }
            }
            awaitNoOpenConnections(bridge);
            assertThat(echo.request("accepted", REPLY)).isEqualTo("3");
        }
    }

    @Test
    void twoConnectionsSideBySideKeepTheirOwnBytesOverSeveralExchanges() throws IOException {
        try (NamespacePortBridge bridge = openToEcho(); Socket first = connect(bridge);
                Socket second = connect(bridge)) {
            for (int round = 0; round < 3; round++) {
                send(first, "first " + round);
                send(second, "second " + round);
                assertThat(read(second, ("second " + round).length())).isEqualTo("second " + round);
                assertThat(read(first, ("first " + round).length())).isEqualTo("first " + round);
            }
            byte[] large = new byte[1 << 20];
            new Random(7).nextBytes(large);
            Thread writer = Thread.ofVirtual().start(() -> writeQuietly(first, large));
            assertThat(first.getInputStream().readNBytes(large.length)).isEqualTo(large);
            awaitTermination(writer);
            assertThat(bridge.openConnections()).isEqualTo(2);

            first.close();

            await("the echo server sees the first connection closed").atMost(REPLY)
                    .until(() -> echo.request("open", REPLY).equals("1"));
            send(second, "still there");
            assertThat(read(second, "still there".length())).isEqualTo("still there");
            assertThat(bridge.openConnections()).isEqualTo(1);
            assertThat(bridge.openConnectionsInNamespace()).isEqualTo(1);
        }
    }

    @Test
    void httpRequestsOneAfterAnotherShareOneKeptAliveConnection() throws Exception {
        Host alice = NETWORK.lab().host("alice");
        try (NamespaceJvm web = alice.startJvm(HttpHelloMain.class, Integer.toString(HTTP_PORT));
                NamespacePortBridge bridge = NamespacePortBridge.open(alice.namespace(), HTTP_PORT);
                HttpClient http = HttpClient.newHttpClient()) {
            web.request("connections", FIRST_REPLY);
            for (int i = 0; i < 5; i++) {
                HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + bridge.localPort() + "/page" + i)).timeout(REPLY).build();

                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

                assertThat(response.body()).isEqualTo("hello /page" + i);
            }
            assertThat(web.request("connections", REPLY)).isEqualTo("1");
            assertThat(bridge.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionToAPortNobodyListensOnEndsAtOnce() throws IOException {
        try (NamespacePortBridge bridge = NamespacePortBridge.open(NETWORK.lab().host("alice").namespace(), 7008);
                Socket socket = connect(bridge)) {
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void closingEndsOpenConnectionsTheChildAndTheSocketFile() throws IOException {
        NamespacePortBridge bridge = openToEcho();
        Path socketFile = bridge.socketFile();
        try (Socket socket = connect(bridge)) {
            send(socket, "ping");
            assertThat(read(socket, 4)).isEqualTo("ping");
            assertThat(socketFile).exists();
            assertThat(processesNaming(socketFile)).as("the forwarder in the namespace").isNotEmpty();

            bridge.close();

            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            assertThat(socketFile).doesNotExist();
            assertThat(processesNaming(socketFile)).isEmpty();
            await("the echo server sees the connection closed").atMost(REPLY)
                    .until(() -> echo.request("open", REPLY).equals("0"));
        } finally {
            bridge.close();
        }
    }

    private static NamespacePortBridge openToEcho() {
        return NamespacePortBridge.open(NETWORK.lab().host("alice").namespace(), ECHO_PORT);
    }

    private void awaitNoOpenConnections(NamespacePortBridge bridge) {
        await("every forwarded connection closed").atMost(REPLY).until(() -> bridge.openConnections() == 0
                && bridge.openConnectionsInNamespace() == 0 && echo.request("open", REPLY).equals("0"));
    }

    private static Socket connect(NamespacePortBridge bridge) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), bridge.localPort());
        socket.setSoTimeout(READ_TIMEOUT_MS);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String read(Socket socket, int bytes) throws IOException {
        return new String(socket.getInputStream().readNBytes(bytes), StandardCharsets.UTF_8);
    }

    private static String readToEnd(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void writeQuietly(Socket socket, byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitTermination(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(thread.isAlive()).isFalse();
    }

    private static List<ProcessHandle> processesNaming(Path file) {
        String marker = file.toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)).toList();
    }
}
