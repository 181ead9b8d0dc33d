package dev.confab.bench.ice;

import dev.confab.testkit.net.Host;
import dev.confab.testkit.net.NamespaceJvm;
import java.time.Duration;
import java.util.List;

/**
 * A Confab peer in a lab host: {@link NatPeerMain} in its own JVM in the host's namespace, with the optimizing
 * compiler (a measured child). Thread contract: one thread drives it.
 */
final class ConfabNatPeer implements NatPeer {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx1g");
    private final NamespaceJvm jvm;

    /** A fresh JVM in {@code host}; with {@code startup} it runs the app's start-up warm-up first. */
    ConfabNatPeer(Host host, boolean startup) {
        jvm = NamespaceJvm.start(host.namespace(), JVM_OPTIONS, NatPeerMain.class, startup ? "startup" : "plain");
    }

    @Override
    public Offer offer(String stun) {
        String[] reply = request("offer " + stun, "offer");
        return new Offer(NatPeerMain.decode(reply[1]), Double.parseDouble(reply[2]));
    }

    @Override
    public Answer answer(String stun, String offerSdp) {
        String[] reply = request("answer " + stun + " " + NatPeerMain.encode(offerSdp), "answer");
        return new Answer(NatPeerMain.decode(reply[1]), Double.parseDouble(reply[2]));
    }

    @Override
    public double answered(String answerSdp) {
        return Double.parseDouble(request("answered " + NatPeerMain.encode(answerSdp), "applied")[1]);
    }

    @Override
    public ConnectTime times() {
        String[] reply = request("times", "times");
        return new ConnectTime(Double.parseDouble(reply[1]), Double.parseDouble(reply[2]));
    }

    @Override
    public void hangUp() {
        request("close", "closed");
    }

    @Override
    public void close() {
        jvm.close();
    }

    private String[] request(String command, String expected) {
        String[] reply = jvm.request(command, WAIT).split(" ");
        if (!reply[0].equals(expected)) {
            throw new IllegalStateException("Expected '" + expected + " ...' from the Confab peer, got: "
                    + String.join(" ", reply));
        }
        return reply;
    }

}
