package dev.confab.media.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class TrustedSourcesTest {

    private final InetSocketAddress peer = new InetSocketAddress("10.0.0.9", 6000);
    private final InetSocketAddress other = new InetSocketAddress("10.0.0.9", 6001);

    @Test
    void onlyAddedAddressesAreTrustedUntilCleared() {
        TrustedSources trusted = new TrustedSources(4);

        trusted.add(peer);

        assertThat(trusted.contains(peer)).isTrue();
        assertThat(trusted.contains(other)).as("another port is another source").isFalse();
        trusted.clear();
        assertThat(trusted.contains(peer)).isFalse();
    }

    @Test
    void theLimitIsKept() {
        TrustedSources trusted = new TrustedSources(1);

        trusted.add(peer);
        trusted.add(peer);
        trusted.add(other);

        assertThat(trusted.contains(peer)).isTrue();
        assertThat(trusted.contains(other)).isFalse();
    }
}
