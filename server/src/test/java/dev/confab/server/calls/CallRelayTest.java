package dev.confab.server.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.protocol.ws.CallEndReason;
import dev.confab.protocol.ws.CallMedia;
import dev.confab.protocol.ws.ClientMessage;
import dev.confab.protocol.ws.IceCandidate;
import dev.confab.protocol.ws.SdpKind;
import dev.confab.protocol.ws.ServerMessage;
import dev.confab.server.sessions.Principal;
import dev.confab.server.support.Timers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The call state machine and relay with a manual timer: no network, no waiting. */
class CallRelayTest {
    /** Timers that fire only when the test advances time. */
    static final class ManualTimers implements Timers {
        private record Task(long at, Runnable run, boolean[] cancelled) {}

        private final List<Task> tasks = new ArrayList<>();
        private long now;

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            boolean[] cancelled = new boolean[1];
            tasks.add(new Task(now + delay.toMillis(), task, cancelled));
            return () -> cancelled[0] = true;
        }

        void advance(Duration d) {
            now += d.toMillis();
            for (Task t : List.copyOf(tasks)) {
                if (t.at() <= now && !t.cancelled()[0]) {
                    tasks.remove(t);
                    t.run().run();
                }
            }
        }
    }

    private record Sent(String deviceId, ServerMessage message) {}

    private final ManualTimers timers = new ManualTimers();
    private final List<Sent> sent = new ArrayList<>();
    private final List<CallEndReason> ends = new ArrayList<>();
    private final Set<String> connected = new HashSet<>(Set.of("bob-1", "bob-2"));
    private final Set<String> blocked = new HashSet<>();
    private final InMemoryCallRelay relay = new InMemoryCallRelay(new InMemoryCallRelay.Directory() {
        @Override
        public void requireMayCall(String caller, String callee) {
            if (blocked.contains(callee)) {
                throw new ProtocolException(ErrorCode.BLOCKED, "blocked");
            }
        }

        @Override
        public Set<String> connectedDevices(String userId) {
            return userId.equals("bob") ? Set.copyOf(connected) : Set.of();
        }

        @Override
        public boolean isConnected(String deviceId) {
            return connected.contains(deviceId);
        }
    }, timers, Duration.ofSeconds(45), Duration.ofSeconds(20), (d, m) -> sent.add(new Sent(d, m)), ends::add);

    private final Principal alice = new Principal("alice", "alice-1", "s-a");
    private final Principal bob1 = new Principal("bob", "bob-1", "s-b1");
    private final Principal bob2 = new Principal("bob", "bob-2", "s-b2");
    private int acks;

    private void handle(Principal p, ClientMessage m) {
        relay.handle(p, m, () -> acks++);
    }

    private void invite() {
        handle(alice, new ClientMessage.CallInvite("1", "c1", "bob", CallMedia.AUDIO, "offer", "sig"));
        sent.clear();
    }

    private List<String> endedFor(String device) {
        return sent.stream().filter(s -> s.deviceId().equals(device) && s.message() instanceof ServerMessage.CallEnded)
                .map(s -> ((ServerMessage.CallEnded) s.message()).reason().wire()).toList();
    }

    @Test
    void inviteRingsEveryConnectedDevice() {
        handle(alice, new ClientMessage.CallInvite("1", "c1", "bob", CallMedia.VIDEO, "offer", "sig"));
        assertThat(acks).isEqualTo(1);
        assertThat(sent).extracting(Sent::deviceId).containsExactlyInAnyOrder("bob-1", "bob-2");
        assertThat(sent).allMatch(s -> s.message() instanceof ServerMessage.CallIncoming);
    }

    @Test
    void firstAcceptWinsAndOthersHearAnsweredElsewhere() {
        invite();
        handle(bob2, new ClientMessage.CallAccept("2", "c1", "answer", "sig"));
        assertThat(sent.get(0)).isEqualTo(new Sent("alice-1", new ServerMessage.CallAccepted("c1", "bob-2", "answer", "sig")));
        assertThat(endedFor("bob-1")).containsExactly("answered_elsewhere");
        assertThatThrownBy(() -> handle(bob1, new ClientMessage.CallAccept("3", "c1", "a", "s")))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CALL_NOT_FOUND));
        sent.clear();
        handle(alice, new ClientMessage.CallCandidate("4", "c1", new IceCandidate("candidate:x", "0", 0)));
        assertThat(sent).extracting(Sent::deviceId).containsExactly("bob-2");
        handle(alice, new ClientMessage.CallHangup("5", "c1"));
        assertThat(endedFor("bob-2")).containsExactly("hangup");
        assertThat(ends).containsExactly(CallEndReason.HANGUP);
        assertThat(relay.activeCalls()).isZero();
    }

    @Test
    void candidatesBeforeAnAnswerGoToEveryRingingDevice() {
        invite();
        handle(alice, new ClientMessage.CallCandidate("2", "c1", new IceCandidate("", null, null)));
        assertThat(sent).extracting(Sent::deviceId).containsExactlyInAnyOrder("bob-1", "bob-2");
    }

    @Test
    void declineAndBusy() {
        invite();
        handle(bob1, new ClientMessage.CallReject("2", "c1", true));
        assertThat(sent).isEmpty();
        handle(bob2, new ClientMessage.CallReject("3", "c1", true));
        assertThat(endedFor("alice-1")).containsExactly("busy");

        sent.clear();
        handle(alice, new ClientMessage.CallInvite("4", "c2", "bob", CallMedia.AUDIO, "offer", "sig"));
        sent.clear();
        handle(bob1, new ClientMessage.CallReject("5", "c2", false));
        assertThat(endedFor("alice-1")).containsExactly("declined");
        assertThat(endedFor("bob-2")).containsExactly("declined_elsewhere");
        assertThat(endedFor("bob-1")).isEmpty();
    }

    @Test
    void cancelIsTheCallersAndOnlyWhileRinging() {
        invite();
        assertThatThrownBy(() -> handle(bob1, new ClientMessage.CallCancel("2", "c1")))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        handle(alice, new ClientMessage.CallCancel("3", "c1"));
        assertThat(endedFor("bob-1")).containsExactly("cancelled");
        assertThat(endedFor("bob-2")).containsExactly("cancelled");
    }

    @Test
    void ringTimeoutEndsNoAnswerForEveryone() {
        invite();
        timers.advance(Duration.ofSeconds(44));
        assertThat(sent).isEmpty();
        timers.advance(Duration.ofSeconds(1));
        assertThat(endedFor("alice-1")).containsExactly("no_answer");
        assertThat(endedFor("bob-1")).containsExactly("no_answer");
        assertThat(endedFor("bob-2")).containsExactly("no_answer");
        assertThat(ends).containsExactly(CallEndReason.NO_ANSWER);
    }

    @Test
    void answeredCallsDoNotTimeOut() {
        invite();
        handle(bob1, new ClientMessage.CallAccept("2", "c1", "answer", "sig"));
        sent.clear();
        timers.advance(Duration.ofMinutes(5));
        assertThat(sent).isEmpty();
    }

    @Test
    void noConnectedDeviceIsUnavailable() {
        connected.clear();
        handle(alice, new ClientMessage.CallInvite("1", "c1", "bob", CallMedia.AUDIO, "offer", "sig"));
        assertThat(acks).isEqualTo(1);
        assertThat(endedFor("alice-1")).containsExactly("unavailable");
        assertThat(relay.activeCalls()).isZero();
    }

    @Test
    void aPartyGoneLongerThanTheGraceEndsTheCallButAReturnKeepsIt() {
        invite();
        handle(bob1, new ClientMessage.CallAccept("2", "c1", "answer", "sig"));
        sent.clear();
        connected.remove("bob-1");
        relay.deviceOffline("bob-1");
        timers.advance(Duration.ofSeconds(10));
        connected.add("bob-1");
        relay.deviceOnline("bob-1");
        timers.advance(Duration.ofSeconds(30));
        assertThat(sent).isEmpty();
        relay.deviceOffline("alice-1");
        timers.advance(Duration.ofSeconds(20));
        assertThat(endedFor("bob-1")).containsExactly("peer_gone");
        assertThat(relay.activeCalls()).isZero();
    }

    @Test
    void anOfflineNoticeThatLostTheRaceWithTheReconnectEndsNothing() {
        invite();
        handle(bob1, new ClientMessage.CallAccept("2", "c1", "answer", "sig"));
        sent.clear();
        relay.deviceOnline("bob-1");
        relay.deviceOffline("bob-1");
        timers.advance(Duration.ofSeconds(30));
        assertThat(sent).isEmpty();
        assertThat(relay.activeCalls()).isEqualTo(1);
    }

    @Test
    void refusedInvitesSendNothing() {
        blocked.add("bob");
        assertThatThrownBy(() -> handle(alice, new ClientMessage.CallInvite("1", "c1", "bob", CallMedia.AUDIO, "o", "s")))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BLOCKED));
        assertThat(sent).isEmpty();
        assertThat(acks).isZero();
    }

    @Test
    void separatingTheUsersEndsARingingCallAsTheActorsDeclineOrCancel() {
        invite();
        relay.endBetween("bob", "alice");
        assertThat(endedFor("alice-1")).containsExactly("declined");
        assertThat(endedFor("bob-1")).containsExactly("declined_elsewhere");
        assertThat(endedFor("bob-2")).containsExactly("declined_elsewhere");
        assertThat(relay.activeCalls()).isZero();

        handle(alice, new ClientMessage.CallInvite("2", "c2", "bob", CallMedia.AUDIO, "offer", "sig"));
        sent.clear();
        relay.endBetween("alice", "bob");
        assertThat(endedFor("alice-1")).containsExactly("cancelled");
        assertThat(endedFor("bob-1")).containsExactly("cancelled");
        assertThat(endedFor("bob-2")).containsExactly("cancelled");
        assertThat(ends).containsExactly(CallEndReason.DECLINED, CallEndReason.CANCELLED);
    }

    @Test
    void separatingTheUsersHangsUpAnAnsweredCallForBothDevices() {
        invite();
        handle(bob2, new ClientMessage.CallAccept("2", "c1", "answer", "sig"));
        sent.clear();
        relay.endBetween("alice", "carol");
        assertThat(sent).as("another pair's separation").isEmpty();
        relay.endBetween("alice", "bob");
        assertThat(endedFor("alice-1")).containsExactly("hangup");
        assertThat(endedFor("bob-2")).containsExactly("hangup");
        assertThat(endedFor("bob-1")).isEmpty();
        assertThatThrownBy(() -> handle(alice, new ClientMessage.CallHangup("3", "c1")))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CALL_NOT_FOUND));
    }

    @Test
    void theAckComesFirstAndNothingIsSentUnderTheCallsLock() {
        List<String> order = new CopyOnWriteArrayList<>();
        InMemoryCallRelay[] relays = new InMemoryCallRelay[1];
        boolean[] otherFinished = new boolean[1];
        relays[0] = new InMemoryCallRelay(new InMemoryCallRelay.Directory() {
            @Override
            public void requireMayCall(String caller, String callee) {}

            @Override
            public Set<String> connectedDevices(String userId) {
                return Set.of("bob-1");
            }

            @Override
            public boolean isConnected(String deviceId) {
                return deviceId.equals("bob-1");
            }
        }, timers, Duration.ofSeconds(45), Duration.ofSeconds(20), (d, m) -> {
            order.add(d + " " + m.getClass().getSimpleName());
            if (m instanceof ServerMessage.CallIncoming) {
                // While this send runs, another device acts on the same call: it needs the call's lock.
                Thread other = Thread.ofVirtual().start(() ->
                        relays[0].handle(bob1, new ClientMessage.CallRinging("r", "c9"), () -> order.add("ack ringing")));
                try {
                    otherFinished[0] = other.join(Duration.ofSeconds(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, ends::add);
        relays[0].handle(alice, new ClientMessage.CallInvite("1", "c9", "bob", CallMedia.AUDIO, "o", "s"),
                () -> order.add("ack invite"));
        assertThat(otherFinished[0]).as("the call's lock was free while sending").isTrue();
        assertThat(order).containsExactly("ack invite", "bob-1 CallIncoming", "ack ringing", "alice-1 CallRinging");
    }

    @Test
    void renegotiationNeedsAnAnsweredCall() {
        invite();
        assertThatThrownBy(() -> handle(alice, new ClientMessage.CallSdp("2", "c1", SdpKind.OFFER, "o", "s")))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        handle(bob2, new ClientMessage.CallAccept("3", "c1", "answer", "sig"));
        sent.clear();
        handle(bob2, new ClientMessage.CallSdp("4", "c1", SdpKind.OFFER, "o2", "s2"));
        assertThat(sent).extracting(Sent::deviceId).containsExactly("alice-1");
    }
}
