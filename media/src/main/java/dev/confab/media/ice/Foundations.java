package dev.confab.media.ice;

import dev.confab.media.sdp.CandidateType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Foundations of local candidates (RFC 8445 section 5.1.1.3): the same for candidates of the same type, base IP
 * address and server, different otherwise; short numbers in order of first use.
 *
 * <p>Thread contract: confined to the agent's serial executor.
 */
final class Foundations {
    private final Map<List<Object>, String> known = new HashMap<>();

    String of(CandidateType type, InetAddress base, Optional<InetSocketAddress> server) {
        List<Object> key = List.of(type, base, server.map(InetSocketAddress::getAddress).map(Object.class::cast)
                .orElse("none"));
        return known.computeIfAbsent(key, k -> Integer.toString(known.size() + 1));
    }
}
