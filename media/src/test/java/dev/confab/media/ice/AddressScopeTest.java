package dev.confab.media.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which scope an address has, at the edges of each range. */
class AddressScopeTest {

    @ParameterizedTest
    @CsvSource({
        "0.0.0.0, NOT_UNICAST",
        "255.255.255.255, NOT_UNICAST",
        "224.0.0.1, NOT_UNICAST",
        "::, NOT_UNICAST",
        "ff02::1, NOT_UNICAST",
        "127.0.0.1, LOOPBACK",
        "127.255.0.9, LOOPBACK",
        "::1, LOOPBACK",
        "169.254.0.1, LINK_LOCAL",
        "fe80::1, LINK_LOCAL",
        "10.0.0.1, PRIVATE",
        "172.16.0.1, PRIVATE",
        "172.31.255.254, PRIVATE",
        "192.168.0.1, PRIVATE",
        "100.64.0.1, PRIVATE",       // RFC 6598 shared address space: first
        "100.127.255.254, PRIVATE",  // and last
        "fc00::1, PRIVATE",          // RFC 4193 unique local
        "fdff::1, PRIVATE",
        "100.63.255.255, GLOBAL",    // just below 100.64.0.0/10
        "100.128.0.0, GLOBAL",       // just above
        "172.32.0.1, GLOBAL",
        "203.0.113.10, GLOBAL",
        "192.0.2.1, GLOBAL",
        "2001:db8::1, GLOBAL",
        "fe00::1, GLOBAL",
    })
    void scopeOf(String ip, AddressScope expected) throws UnknownHostException {
        assertThat(AddressScope.of(InetAddress.getByName(ip))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "GLOBAL, GLOBAL, true",
        "GLOBAL, PRIVATE, true",
        "GLOBAL, LOOPBACK, true",
        "PRIVATE, PRIVATE, true",
        "LOOPBACK, LOOPBACK, true",
        "PRIVATE, GLOBAL, false",
        "LOOPBACK, GLOBAL, false",
        "LINK_LOCAL, GLOBAL, false",
        "LOOPBACK, PRIVATE, false",
        "NOT_UNICAST, GLOBAL, false",
    })
    void reachableFrom(AddressScope peer, AddressScope relay, boolean reachable) {
        assertThat(peer.reachableFrom(relay)).isEqualTo(reachable);
    }
}
