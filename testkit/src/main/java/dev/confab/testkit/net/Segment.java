package dev.confab.testkit.net;

import java.util.Objects;
import java.util.Optional;

/** Where a lab host's uplink plugs in: the LAN of a NAT router, or the public segment. An immutable value. */
public sealed interface Segment {
    /** The public segment (203.0.113.0/24): public hosts and the NAT routers' WAN sides. */
    Segment PUBLIC = new Public();

    /** The LAN of the NAT router called {@code nat}. */
    static Segment lanOf(String nat) {
        return new Lan(nat);
    }

    /** The NAT router whose LAN this is; empty for the public segment. */
    default Optional<String> nat() {
        return switch (this) {
            case Lan lan -> Optional.of(lan.natName());
            case Public _ -> Optional.empty();
        };
    }

    /** The private LAN behind the NAT router called {@code natName}. */
    record Lan(String natName) implements Segment {
        public Lan {
            Objects.requireNonNull(natName, "natName");
        }

        @Override
        public String toString() {
            return "LAN of " + natName;
        }
    }

    /** The public segment. */
    record Public() implements Segment {
        @Override
        public String toString() {
            return "public segment";
        }
    }
}
