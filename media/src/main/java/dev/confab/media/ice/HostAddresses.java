package dev.confab.media.ice;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The local addresses host candidates are gathered on: every address of every interface that is up, IPv4 and
 * global IPv6, without link-local and (unless asked for) loopback addresses, in interface order. Stateless.
 */
final class HostAddresses {

    private HostAddresses() {
    }

    static List<InetAddress> usable(boolean includeLoopback) throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || (nic.isLoopback() && !includeLoopback)) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address.isLinkLocalAddress() || address.isMulticastAddress() || address.isAnyLocalAddress()) {
                    continue;
                }
                if (address.isLoopbackAddress() && !includeLoopback) {
                    continue;
                }
                addresses.add(address instanceof Inet6Address v6 && v6.getScopeId() != 0
                        ? InetAddress.getByAddress(v6.getAddress()) : address);
            }
        }
        return addresses;
    }
}
