package dev.confab.media.ice;

import dev.confab.media.sdp.CandidateType;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The candidate pairs of one ICE session and their check states (RFC 8445 section 6.1.2), for one component on one
 * data stream (BUNDLE and rtcp-mux make that the only case Confab needs): pairing, pruning, the limit, freezing by
 * foundation, and which pair to check next. Addresses that are no unicast address get no pair, and a relayed candidate
 * none with an address its TURN server cannot reach (see {@link AddressScope}).
 *
 * <p>Thread contract: confined to the agent's serial executor.
 */
final class Checklist {
    /** The recommended limit on pairs (section 6.1.2.5). */
    static final int DEFAULT_MAX_PAIRS = 100;

    private final int maxPairs;
    private final List<LocalCandidate> locals = new ArrayList<>();
    private final List<RemoteCandidate> remotes = new ArrayList<>();
    private final List<CandidatePair> pairs = new ArrayList<>();
    private IceRole role;

    Checklist(IceRole role, int maxPairs) {
        this.role = role;
        this.maxPairs = maxPairs;
    }

    IceRole role() {
        return role;
    }

    /** Switches role after a conflict; priorities, and so the order, change. */
    void role(IceRole role) {
        this.role = role;
    }

    /** Adds a local candidate and pairs it with every compatible remote one; returns the new pairs. */
    List<CandidatePair> addLocal(LocalCandidate local) {
        if (locals.contains(local)) {
            return List.of();
        }
        locals.add(local);
        List<CandidatePair> added = new ArrayList<>();
        if (local.type() != CandidateType.SRFLX) { // checks from it leave through its base: the host pairs cover it
            for (RemoteCandidate remote : remotes) {
                pair(local, remote).ifPresent(added::add);
            }
        }
        return added;
    }

    /** Adds a remote candidate and pairs it with every compatible local one; returns the new pairs. */
    List<CandidatePair> addRemote(RemoteCandidate remote) {
        for (RemoteCandidate known : remotes) {
            if (known.address().equals(remote.address())) {
                return List.of(); // section 5.1.3: a second candidate at the same address adds nothing
            }
        }
        remotes.add(remote);
        List<CandidatePair> added = new ArrayList<>();
        for (LocalCandidate local : locals) {
            if (local.type() != CandidateType.SRFLX) {
                pair(local, remote).ifPresent(added::add);
            }
        }
        return added;
    }

    /** The pair that sends from {@code base} (through {@code relayed} or not) to {@code remote}, if listed. */
    Optional<CandidatePair> find(InetSocketAddress base, boolean relayed, InetSocketAddress remote) {
        for (CandidatePair pair : pairs) {
            LocalCandidate local = pair.local();
            if ((relayed ? local.relayed() && local.address().equals(base)
                    : !local.relayed() && local.base().equals(base)) && pair.remote().address().equals(remote)) {
                return Optional.of(pair);
            }
        }
        return Optional.empty();
    }

    /** The remote candidate at {@code address}, if known. */
    Optional<RemoteCandidate> remoteAt(InetSocketAddress address) {
        return remotes.stream().filter(r -> r.address().equals(address)).findFirst();
    }

    /** The local candidates gathered so far, in order. */
    List<LocalCandidate> locals() {
        return List.copyOf(locals);
    }

    /** The pairs, highest priority first. */
    List<CandidatePair> pairs() {
        List<CandidatePair> sorted = new ArrayList<>(pairs);
        sorted.sort(byPriority());
        return sorted;
    }

    /**
     * The next pair for an ordinary check (section 6.1.4.2): the highest-priority WAITING pair, else the
     * highest-priority FROZEN one, unfrozen. Marks it IN_PROGRESS.
     */
    Optional<CandidatePair> nextToCheck() {
        Optional<CandidatePair> next = highest(PairState.WAITING).or(() -> highest(PairState.FROZEN));
        next.ifPresent(pair -> pair.state(PairState.IN_PROGRESS));
        return next;
    }

    /** After {@code pair} succeeded: unfreezes the frozen pairs of its foundation (section 7.2.5.3.3). */
    void unfreezeFoundation(CandidatePair pair) {
        for (CandidatePair other : pairs) {
            if (other.state() == PairState.FROZEN && other.foundation().equals(pair.foundation())) {
                other.state(PairState.WAITING);
            }
        }
    }

    /** Whether every pair has been checked and none is waiting or in progress. */
    boolean allChecked() {
        return pairs.stream().allMatch(p -> p.state() == PairState.SUCCEEDED || p.state() == PairState.FAILED);
    }

    /** The best valid pair, if any. */
    Optional<CandidatePair> bestValid() {
        return pairs.stream().filter(CandidatePair::valid).min(byPriority());
    }

    private Optional<CandidatePair> highest(PairState state) {
        return pairs.stream().filter(p -> p.state() == state).min(byPriority());
    }

    private Optional<CandidatePair> pair(LocalCandidate local, RemoteCandidate remote) {
        InetAddress localIp = local.address().getAddress();
        InetAddress remoteIp = remote.address().getAddress();
        AddressScope remoteScope = AddressScope.of(remoteIp);
        if (remoteScope == AddressScope.NOT_UNICAST || !compatible(localIp, remoteIp)) {
            return Optional.empty();
        }
        if (local.relayed() && !remoteScope.reachableFrom(AddressScope.of(localIp))) {
            return Optional.empty(); // a relayed send the TURN server cannot route would cost the whole allocation
        }
        CandidatePair pair = new CandidatePair(local, remote);
        for (int i = 0; i < pairs.size(); i++) {
            CandidatePair existing = pairs.get(i);
            if (existing.sameRoute(pair)) { // section 6.1.2.4: keep the higher-priority one of redundant pairs
                if (existing.state() == PairState.FROZEN && pair.priority(role) > existing.priority(role)) {
                    pairs.set(i, pair);
                    pair.state(initialState(pair));
                    return Optional.of(pair);
                }
                return Optional.empty();
            }
        }
        pair.state(initialState(pair));
        pairs.add(pair);
        if (pairs.size() > maxPairs) {
            dropLowestUnchecked();
            if (!pairs.contains(pair)) {
                return Optional.empty();
            }
        }
        return Optional.of(pair);
    }

    /** WAITING if no other pair of its foundation is waiting or being checked, else FROZEN (section 6.1.2.6). */
    private PairState initialState(CandidatePair pair) {
        boolean sibling = pairs.stream().anyMatch(p -> p != pair && p.foundation().equals(pair.foundation())
                && (p.state() == PairState.WAITING || p.state() == PairState.IN_PROGRESS));
        return sibling ? PairState.FROZEN : PairState.WAITING;
    }

    private void dropLowestUnchecked() {
        pairs.stream().filter(p -> p.state() == PairState.FROZEN || p.state() == PairState.WAITING)
                .max(byPriority()).ifPresent(pairs::remove);
    }

    private Comparator<CandidatePair> byPriority() {
        return Comparator.comparingLong((CandidatePair p) -> p.priority(role)).reversed();
    }

    /** Same address family, and an IPv6 link-local address only with another (section 6.1.2.2). */
    private static boolean compatible(InetAddress local, InetAddress remote) {
        if ((local instanceof Inet6Address) != (remote instanceof Inet6Address)) {
            return false;
        }
        return local.isLinkLocalAddress() == remote.isLinkLocalAddress();
    }
}
