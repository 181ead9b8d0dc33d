package dev.confab.testkit.net;

import java.net.InetAddress;
import java.util.Optional;

/**
 * One network interface of a lab {@link Host} and the cable behind it. A socket bound to {@code address} sends out of
 * this interface and, behind a NAT, through that NAT (see {@link Host} for the routing). An immutable value.
 *
 * @param device  {@code eth0} or {@code eth1}
 * @param address its address: private (10.0.n.x) on a NAT's LAN, public (203.0.113.x) on the public segment
 * @param nat     the NAT router whose LAN it plugs into; empty on the public segment
 * @param uplink  the cable from this interface to the NAT's LAN or the public segment
 * @param gateway the NAT's address on its LAN, where this interface's default route leads; empty on the public segment
 */
public record HostInterface(String device, InetAddress address, Optional<Nat> nat, Link uplink,
        Optional<InetAddress> gateway) {

    /** Where the public segment sees traffic from {@link #address()} come from: the NAT's public address, or its own. */
    public InetAddress publicAddress() {
        return nat.map(Nat::publicAddress).orElse(address);
    }

    @Override
    public String toString() {
        return device + " " + address.getHostAddress() + nat.map(n -> " behind " + n.name()).orElse(" (public)");
    }
}
