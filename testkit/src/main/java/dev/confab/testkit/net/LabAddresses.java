package dev.confab.testkit.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The address plan of a lab, as {@link Topology} describes it: each NAT router's public and LAN address and each host
 * interface's address, all /24. Immutable; thread-safe.
 */
final class LabAddresses {
    static final int PREFIX_LENGTH = 24;
    private static final String PUBLIC_PREFIX = "203.0.113.";
    private static final int FIRST_PUBLIC_HOST = 10;
    private static final int FIRST_NAT = 100;
    private static final int FIRST_LAN_HOST = 2;

    private final List<String> natNames;
    private final Map<Topology.UplinkSpec, InetAddress> interfaces = new HashMap<>();

    LabAddresses(Topology topology) {
        natNames = topology.nats().stream().map(Topology.NatSpec::name).toList();
        number(topology.uplinksOn(Segment.PUBLIC), PUBLIC_PREFIX, FIRST_PUBLIC_HOST);
        for (String nat : natNames) {
            number(topology.uplinksOn(Segment.lanOf(nat)), lanPrefix(nat), FIRST_LAN_HOST);
        }
    }

    /** The NAT router's address on the public segment. */
    InetAddress natPublic(String nat) {
        return address(PUBLIC_PREFIX + (FIRST_NAT + natIndex(nat)));
    }

    /** The NAT router's address on its LAN: the gateway of the host interfaces there. */
    InetAddress natLan(String nat) {
        return address(lanPrefix(nat) + 1);
    }

    /** The address of a host interface. */
    InetAddress of(Topology.UplinkSpec uplink) {
        InetAddress address = interfaces.get(uplink);
        if (address == null) {
            throw new NoSuchElementException("No interface " + uplink.device() + " on host " + uplink.host());
        }
        return address;
    }

    /** The router of a segment: the NAT's LAN address; none on the public segment, where every node is a neighbour. */
    Optional<InetAddress> gateway(Segment segment) {
        return segment.nat().map(this::natLan);
    }

    /** The segment's network in CIDR notation, such as {@code 10.0.3.0/24}. */
    String network(Segment segment) {
        return segment.nat().map(this::lanPrefix).orElse(PUBLIC_PREFIX) + "0/" + PREFIX_LENGTH;
    }

    private void number(List<Topology.UplinkSpec> uplinks, String prefix, int first) {
        for (int i = 0; i < uplinks.size(); i++) {
            interfaces.put(uplinks.get(i), address(prefix + (first + i)));
        }
    }

    private String lanPrefix(String nat) {
        return "10.0." + (natIndex(nat) + 1) + ".";
    }

    private int natIndex(String nat) {
        int index = natNames.indexOf(nat);
        if (index < 0) {
            throw new NoSuchElementException("No NAT " + nat + " in the topology; there are " + natNames);
        }
        return index;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an address: " + literal, e);
        }
    }
}
