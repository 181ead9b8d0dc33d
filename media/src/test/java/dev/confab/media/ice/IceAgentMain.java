package dev.confab.media.ice;

import dev.confab.media.sdp.CandidateType;
import dev.confab.media.turn.TurnCredentials;
import dev.confab.testkit.net.ControlLoop;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * An {@link IceAgent} in its own JVM, for tests that put it inside a network namespace: commands on stdin, one reply
 * line each (see {@link ControlLoop}); what the agent reports is queued and fetched with {@code events}.
 *
 * <pre>
 * start controlling|controlled [stun=IP:PORT] [turn=IP:PORT,USER,PASS]... [relay-only]   -> ok UFRAG PWD
 * creds UFRAG PWD                               -> ok
 * cand TYPE IP PORT PRIORITY FOUNDATION UFRAG    -> ok
 * peer-restart UFRAG PWD                         -> ok       (the peer restarted ICE)
 * send HEX                                       -> ok true|false
 * events                                         -> events E1|E2|...   (cand:TYPE,IP,PORT,PRIORITY,FOUNDATION,UFRAG
 *                                                   restart:UFRAG,PWD  gathered  state:STATE  selected:LTYPE,LADDR,RTYPE,RADDR  recv:HEX)
 * </pre>
 */
public final class IceAgentMain implements IceListener {
    private final List<String> events = new ArrayList<>();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
    private IceAgent agent;
    private IceRestarter restarter;

    public static void main(String[] args) {
        IceAgentMain main = new IceAgentMain();
        ControlLoop.run(main::handle);
        System.exit(0);
    }

    private String handle(String line) {
        String[] words = line.split(" ");
        return switch (words[0]) {
            case "start" -> start(words);
            case "creds" -> {
                agent.remoteCredentials(new IceCredentials(words[1], words[2]));
                yield "ok";
            }
            case "cand" -> {
                agent.addRemoteCandidate(new RemoteCandidate(CandidateType.valueOf(words[1]),
                        new InetSocketAddress(words[2], Integer.parseInt(words[3])), Long.parseLong(words[4]),
                        words[5]), words[6]);
                yield "ok";
            }
            case "send" -> {
                byte[] data = HexFormat.of().parseHex(words[1]);
                try {
                    yield "ok " + agent.send(data, 0, data.length);
                } catch (java.io.IOException e) {
                    yield "ok false";
                }
            }
            case "peer-restart" -> {
                restarter.remoteRestart(new IceCredentials(words[1], words[2]));
                yield "ok";
            }
            case "events" -> events();
            case "diagnostics" -> "ok " + agent.diagnostics();
            default -> throw new IllegalArgumentException("unknown command " + words[0]);
        };
    }

    private String start(String[] words) {
        IceAgentConfig config = IceAgentConfig.defaults();
        List<TurnServer> turnServers = new ArrayList<>();
        for (int i = 2; i < words.length; i++) {
            if (words[i].startsWith("stun=")) {
                config = config.withStunServers(List.of(address(words[i].substring(5))));
            } else if (words[i].startsWith("turn=")) {
                String[] turn = words[i].substring(5).split(",");
                turnServers.add(new TurnServer(address(turn[0]), new TurnCredentials(turn[1], turn[2])));
            } else if (words[i].equals("relay-only")) {
                config = config.withRelayOnly(true);
            }
        }
        config = config.withTurnServers(turnServers);
        agent = IceAgent.create(config, IceRole.valueOf(words[1].toUpperCase(Locale.ROOT)),
                Executors.newSingleThreadExecutor(), timers, this, new SecureRandom());
        restarter = new IceRestarter(agent, fresh -> event("restart:" + fresh.ufrag() + "," + fresh.pwd()));
        agent.packetHandler((kind, buf, off, len) -> event("recv:" + HexFormat.of().formatHex(buf, off, off + len)));
        agent.start().join();
        return credentials(agent.localCredentials());
    }

    private static InetSocketAddress address(String ipAndPort) {
        int colon = ipAndPort.lastIndexOf(':');
        return new InetSocketAddress(ipAndPort.substring(0, colon), Integer.parseInt(ipAndPort.substring(colon + 1)));
    }

    private static String credentials(IceCredentials credentials) {
        return "ok " + credentials.ufrag() + " " + credentials.pwd();
    }

    private synchronized String events() {
        String all = String.join("|", events);
        events.clear();
        return "events " + all;
    }

    private synchronized void event(String event) {
        events.add(event);
    }

    @Override
    public void localCandidate(LocalCandidate c, IceCredentials credentials) {
        event("cand:" + c.type() + "," + c.address().getAddress().getHostAddress() + "," + c.address().getPort() + ","
                + c.priority() + "," + c.foundation() + "," + credentials.ufrag());
    }

    @Override
    public void gatheringComplete(IceCredentials credentials) {
        event("gathered");
    }

    @Override
    public void stateChanged(IceState state) {
        event("state:" + state);
        restarter.stateChanged(state);
    }

    @Override
    public void selectedPairChanged(CandidatePair pair) {
        event("selected:" + pair.local().type() + "," + pair.local().address() + "," + pair.remote().type() + ","
                + pair.remote().address());
    }
}
