package dev.confab.client.core.calls;

import dev.confab.client.core.api.ApiException;
import dev.confab.client.core.api.ConfabApi;
import dev.confab.media.ice.IceAgentConfig;
import dev.confab.media.ice.TurnServer;
import dev.confab.media.turn.TurnCredentials;
import dev.confab.protocol.rest.IceServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The STUN and TURN servers for a call, from the server's {@code GET /api/v1/turn-credentials} (time-limited coturn
 * credentials), kept until half their lifetime has passed. Confab's ICE agent speaks TURN over UDP: {@code turns:}
 * and {@code transport=tcp} entries are skipped. When the server offers none or cannot be asked, calls go without.
 *
 * <p>Not thread-safe: used on the call manager's thread. {@link #apply} does network I/O and DNS look-ups.
 */
final class IceServers {
    private static final Logger log = LoggerFactory.getLogger(IceServers.class);
    private static final int DEFAULT_PORT = 3478;

    private final ConfabApi api;
    private final Clock clock;
    private List<InetSocketAddress> stun = List.of();
    private List<TurnServer> turn = List.of();
    private long freshUntilMillis;

    IceServers(ConfabApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    /** {@code base} with the server's STUN and TURN servers. */
    IceAgentConfig apply(IceAgentConfig base) {
        if (clock.millis() >= freshUntilMillis) {
            fetch();
        }
        return base.withStunServers(stun).withTurnServers(turn);
    }

    private void fetch() {
        List<InetSocketAddress> stunServers = new ArrayList<>();
        List<TurnServer> turnServers = new ArrayList<>();
        long ttlSeconds;
        try {
            var answer = api.turnCredentials();
            ttlSeconds = answer.ttlSeconds();
            for (IceServer server : answer.iceServers() == null ? List.<IceServer>of() : answer.iceServers()) {
                for (String url : server.urls() == null ? List.<String>of() : server.urls()) {
                    add(url, server, stunServers, turnServers);
                }
            }
        } catch (ApiException e) {
            log.info("No STUN/TURN servers for this call: {}", e.getMessage());
            ttlSeconds = 60;
        }
        stun = List.copyOf(stunServers);
        turn = List.copyOf(turnServers);
        freshUntilMillis = clock.millis() + Math.max(30, ttlSeconds / 2) * 1000;
    }

    private static void add(String url, IceServer server, List<InetSocketAddress> stun, List<TurnServer> turn) {
        String lower = url.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("stun:")) {
                stun.add(address(url.substring(5)));
            } else if (lower.startsWith("turn:")) {
                int query = url.indexOf('?');
                String transport = query < 0 ? "udp" : url.substring(query + 1).toLowerCase(Locale.ROOT);
                if (!transport.isEmpty() && !transport.equals("transport=udp") && !transport.equals("udp")) {
                    log.info("Skipping {}: Confab speaks TURN over UDP", url);
                    return;
                }
                if (server.username() == null || server.credential() == null) {
                    log.info("Skipping {}: no credentials", url);
                    return;
                }
                turn.add(new TurnServer(address(url.substring(5, query < 0 ? url.length() : query)),
                        new TurnCredentials(server.username(), server.credential())));
            } else {
                log.info("Skipping {}: not stun: or turn:", url);
            }
        } catch (IllegalArgumentException | UnknownHostException e) {
            log.info("Skipping {}: {}", url, e.getMessage());
        }
    }

    /** {@code host[:port]} or {@code [v6]:port}, resolved. */
    static InetSocketAddress address(String hostPort) throws UnknownHostException {
        String host;
        int port = DEFAULT_PORT;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed [");
            }
            host = hostPort.substring(1, close);
            if (hostPort.length() > close + 1) {
                port = port(hostPort.substring(close + 1));
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            if (colon >= 0) {
                port = port(hostPort.substring(colon));
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("no host");
        }
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    private static int port(String colonPort) {
        if (!colonPort.startsWith(":")) {
            throw new IllegalArgumentException("bad port");
        }
        int port = Integer.parseInt(colonPort.substring(1));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range");
        }
        return port;
    }
}
