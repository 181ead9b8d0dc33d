package dev.confab.media.ice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.sdp.CandidateType;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pairing, pruning, freezing and order (RFC 8445 section 6.1.2). */
class ChecklistTest {

    private static final InetSocketAddress HOST_A = address("10.0.0.2", 5000);
    private static final InetSocketAddress HOST_B = address("192.168.1.2", 5002);
    private static final InetSocketAddress MAPPED_A = address("203.0.113.7", 40000);
    private static final InetSocketAddress RELAY_A = address("198.51.100.1", 50000);
    private static final InetSocketAddress TURN = address("198.51.100.1", 3478);

    private final Checklist checklist = new Checklist(IceRole.CONTROLLING, Checklist.DEFAULT_MAX_PAIRS);

    @Test
    void everyLocalCandidatePairsWithEveryRemoteOneOfItsFamilyWhicheverComesFirst() {
        checklist.addLocal(host(HOST_A, "1"));
        checklist.addRemote(remote(CandidateType.HOST, "10.0.0.9", 6000, "x"));
        checklist.addRemote(remote(CandidateType.HOST, "fd00::9", 6000, "y"));
        checklist.addLocal(host(HOST_B, "2"));

        assertThat(checklist.pairs()).hasSize(2)
                .allSatisfy(pair -> assertThat(pair.remote().address().getHostString()).isEqualTo("10.0.0.9"));
    }

    @Test
    void aServerReflexiveCandidateAddsNoPairsOfItsOwn() {
        checklist.addLocal(host(HOST_A, "1"));
        checklist.addLocal(new LocalCandidate(CandidateType.SRFLX, MAPPED_A, HOST_A,
                CandidatePriority.of(CandidateType.SRFLX, 65535), "3", Optional.of(TURN)));
        checklist.addRemote(remote(CandidateType.HOST, "10.0.0.9", 6000, "x"));

        assertThat(checklist.pairs()).singleElement().satisfies(p -> assertThat(p.local().address()).isEqualTo(HOST_A));
    }

    @Test
    void aRelayedCandidateOnTheSameBaseIsADifferentRoute() {
        checklist.addLocal(host(HOST_A, "1"));
        checklist.addLocal(relayed(RELAY_A));
        checklist.addRemote(remote(CandidateType.SRFLX, "203.0.113.9", 6000, "x"));

        assertThat(checklist.pairs()).hasSize(2);
        assertThat(checklist.pairs().getFirst().local().type()).isEqualTo(CandidateType.HOST);
        assertThat(checklist.find(RELAY_A, true, address("203.0.113.9", 6000))).isPresent();
        assertThat(checklist.find(HOST_A, false, address("203.0.113.9", 6000)).orElseThrow().local().type())
                .isEqualTo(CandidateType.HOST);
    }

    /**
     * A TURN server on the Internet has no route to a peer's private, link-local or loopback address, and coturn drops
     * the allocation whose relayed send fails: such remote candidates get no pair with a relayed candidate.
     */
    @Test
    void aRelayedCandidateIsNotPairedWithAddressesItsServerCannotReach() {
        checklist.addLocal(relayed(RELAY_A));
        for (String unreachable : List.of("10.0.0.9", "172.16.0.9", "192.168.1.9", "100.64.0.9", "169.254.0.9",
                "127.0.0.1", "255.255.255.255", "0.0.0.0", "224.0.0.9")) {
            checklist.addRemote(remote(CandidateType.HOST, unreachable, 6000, "x"));
        }
        checklist.addRemote(remote(CandidateType.SRFLX, "203.0.113.9", 6000, "y"));
        checklist.addRemote(remote(CandidateType.RELAY, "198.51.100.1", 50002, "z"));

        assertThat(checklist.pairs()).extracting(p -> p.remote().address().getHostString())
                .containsExactlyInAnyOrder("203.0.113.9", "198.51.100.1");
    }

    /** Unspecified, broadcast and multicast addresses are no candidates: nothing is sent to them, relayed or not. */
    @Test
    void addressesThatAreNotUnicastGetNoPair() {
        checklist.addLocal(host(HOST_A, "1"));
        for (String notUnicast : List.of("0.0.0.0", "255.255.255.255", "224.0.0.9", "::", "ff02::1")) {
            checklist.addRemote(remote(CandidateType.HOST, notUnicast, 6000, "x"));
        }

        assertThat(checklist.pairs()).isEmpty();
    }

    /** A TURN server on a private network or on loopback reaches that network, as well as the Internet. */
    @Test
    void aRelayedCandidateOnAPrivateOrLoopbackAddressPairsWithItsOwnScope() {
        Checklist onLoopback = new Checklist(IceRole.CONTROLLING, Checklist.DEFAULT_MAX_PAIRS);
        onLoopback.addLocal(relayed(address("127.0.0.1", 50000)));
        onLoopback.addRemote(remote(CandidateType.HOST, "127.0.0.1", 6000, "x"));
        onLoopback.addRemote(remote(CandidateType.HOST, "10.0.0.9", 6000, "y"));
        checklist.addLocal(relayed(address("10.1.0.1", 50000)));
        checklist.addRemote(remote(CandidateType.HOST, "10.0.0.9", 6000, "x"));
        checklist.addRemote(remote(CandidateType.HOST, "203.0.113.9", 6000, "y"));
        checklist.addRemote(remote(CandidateType.HOST, "127.0.0.1", 6000, "z"));

        assertThat(onLoopback.pairs()).extracting(p -> p.remote().address().getHostString())
                .containsExactly("127.0.0.1");
        assertThat(checklist.pairs()).extracting(p -> p.remote().address().getHostString())
                .containsExactlyInAnyOrder("10.0.0.9", "203.0.113.9");
    }

    @Test
    void aSecondRemoteCandidateAtAKnownAddressIsIgnored() {
        checklist.addLocal(host(HOST_A, "1"));
        checklist.addRemote(remote(CandidateType.PRFLX, "10.0.0.9", 6000, "p"));

        assertThat(checklist.addRemote(remote(CandidateType.HOST, "10.0.0.9", 6000, "x"))).isEmpty();
        assertThat(checklist.pairs()).hasSize(1);
    }

    @Test
    void pairsOfOneFoundationWaitOneAtATimeAndThawWhenOneSucceeds() {
        checklist.addLocal(host(HOST_A, "1"));
        checklist.addRemote(remote(CandidateType.HOST, "10.0.0.9", 6000, "x"));
        checklist.addLocal(host(address("10.0.0.3", 5001), "1"));

        CandidatePair first = checklist.nextToCheck().orElseThrow();
        assertThat(checklist.pairs()).extracting(CandidatePair::state)
                .containsExactlyInAnyOrder(PairState.IN_PROGRESS, PairState.FROZEN);

        first.state(PairState.SUCCEEDED);
        checklist.unfreezeFoundation(first);

        assertThat(checklist.pairs()).extracting(CandidatePair::state)
                .containsExactlyInAnyOrder(PairState.SUCCEEDED, PairState.WAITING);
    }

    @Test
    void checksGoHighestPriorityFirstAndFrozenPairsAreThawedWhenNothingWaits() {
        checklist.addLocal(host(HOST_A, "1"));
        checklist.addRemote(remote(CandidateType.RELAY, "10.0.0.8", 7000, "r"));
        checklist.addRemote(remote(CandidateType.HOST, "10.0.0.9", 6000, "x"));

        assertThat(checklist.nextToCheck().orElseThrow().remote().type()).isEqualTo(CandidateType.HOST);
        assertThat(checklist.nextToCheck().orElseThrow().remote().type()).isEqualTo(CandidateType.RELAY);
        assertThat(checklist.nextToCheck()).isEmpty();
    }

    @Test
    void theLimitDropsTheLowestPriorityUncheckedPairs() {
        Checklist small = new Checklist(IceRole.CONTROLLED, 3);
        small.addLocal(host(HOST_A, "1"));
        for (int i = 0; i < 5; i++) {
            small.addRemote(new RemoteCandidate(CandidateType.HOST, address("10.0.0." + (10 + i), 6000),
                    1000 + i, "f" + i));
        }

        assertThat(small.pairs()).hasSize(3).extracting(p -> p.remote().priority()).containsExactly(1004L, 1003L, 1002L);
    }

    @Test
    void switchingRoleReordersPairsThatTieOnTheLowerPriority() {
        checklist.addLocal(LocalCandidate.host(HOST_A, 100, "1"));
        checklist.addLocal(LocalCandidate.host(address("fd00::2", 5000), 200, "2"));
        checklist.addRemote(new RemoteCandidate(CandidateType.HOST, address("10.0.0.9", 6000), 200, "x"));
        checklist.addRemote(new RemoteCandidate(CandidateType.HOST, address("fd00::9", 6000), 100, "y"));
        assertThat(checklist.pairs().getFirst().local().priority()).isEqualTo(200);

        checklist.role(IceRole.CONTROLLED);

        assertThat(checklist.pairs().getFirst().local().priority()).isEqualTo(100);
    }

    private static LocalCandidate relayed(InetSocketAddress address) {
        return new LocalCandidate(CandidateType.RELAY, address, HOST_A, CandidatePriority.of(CandidateType.RELAY, 65535),
                "4", Optional.of(TURN));
    }

    private static LocalCandidate host(InetSocketAddress address, String foundation) {
        return LocalCandidate.host(address, CandidatePriority.of(CandidateType.HOST, 65535), foundation);
    }

    private static RemoteCandidate remote(CandidateType type, String ip, int port, String foundation) {
        return new RemoteCandidate(type, address(ip, port), CandidatePriority.of(type, 65535), foundation);
    }

    private static InetSocketAddress address(String ip, int port) {
        return new InetSocketAddress(ip, port);
    }
}
