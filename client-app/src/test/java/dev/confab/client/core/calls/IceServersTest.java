package dev.confab.client.core.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The host and port of the STUN and TURN URLs the server hands out (RFC 7064/7065 without the scheme). */
class IceServersTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1:3478, 127.0.0.1, 3478",
        "127.0.0.1, 127.0.0.1, 3478",            // no port: the default
        "[::1]:5349, 0:0:0:0:0:0:0:1, 5349",
        "[::1], 0:0:0:0:0:0:0:1, 3478",
        "localhost:19302, 127.0.0.1, 19302"
    })
    void hostAndPort(String hostPort, String address, int port) throws Exception {
        InetSocketAddress parsed = IceServers.address(hostPort);
        assertThat(parsed.getAddress().getHostAddress()).isEqualTo(address);
        assertThat(parsed.getPort()).isEqualTo(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":3478", "[::1", "host:0", "host:65536", "host:port", "[::1]x"})
    void badOnesAreRefusedWithAReason(String hostPort) {
        assertThatThrownBy(() -> IceServers.address(hostPort)).isInstanceOf(IllegalArgumentException.class);
    }
}
