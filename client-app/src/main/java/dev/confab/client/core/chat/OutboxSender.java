package dev.confab.client.core.chat;

import dev.confab.client.core.ClientException;
import dev.confab.client.core.NotSignedInException;
import dev.confab.client.core.account.AccountService;
import dev.confab.client.core.account.AccountState;
import dev.confab.client.core.api.ApiException;
import dev.confab.client.core.api.ConfabApi;
import dev.confab.client.core.internal.ListenerSet;
import dev.confab.client.core.keys.KeyChange;
import dev.confab.client.core.keys.KeyDirectory;
import dev.confab.client.core.keys.PinnedDevice;
import dev.confab.client.core.keys.UntrustedKeyException;
import dev.confab.crypto.CryptoException;
import dev.confab.crypto.seal.MessageSealer;
import dev.confab.crypto.seal.SealContext;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.protocol.rest.Envelope;
import dev.confab.protocol.rest.SendMessageRequest;
import dev.confab.protocol.rest.SendMessageResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending half of chat: sends the outbox in composition order, sealing each message once per trusted device of
 * the recipient and once per trusted other device of this user. It stops at the first message that cannot be sent
 * for now (so order is kept) and fails a message refused for good. A message refused because the recipient's keys
 * changed is <i>held</i>: FAILED until the user trusts the new keys, then {@linkplain #requeueHeld queued again};
 * later messages to the same recipient in the same pass are held with it, so they keep their order.
 *
 * <p>A device whose inbox is full ({@code inbox_full}) must come online first. When it is one of this user's own
 * devices, the copy for it is left out and the message goes anyway; when it is the recipient's, the conversation
 * waits (its messages stay queued, noted with the reason) while the others go on, and it is tried again after
 * {@link #FULL_INBOX_RETRY}.
 *
 * <p>Thread-safe: sends serialize on this object's lock; the store serializes the rest.
 */
final class OutboxSender {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int SEND_ATTEMPTS = 3;
    /** The server tells this user's devices when one of them adds keys; a one-shot client has no events, so it looks. */
    private static final Duration OWN_DEVICES_MAX_AGE = Duration.ofMinutes(1);
    /** How long a conversation whose recipient has a full inbox waits before the server is asked again. */
    static final Duration FULL_INBOX_RETRY = Duration.ofSeconds(30);

    private final ChatStore store;
    private final ConfabApi api;
    private final AccountService account;
    private final KeyDirectory keys;
    private final SecureRandom random;
    private final Function<String, String> nameOf;
    private final ListenerSet<ChatListener> listeners;
    private final Clock clock;
    /** Conversations whose recipient had a full inbox, and until when they wait. Guarded by this object. */
    private final Map<String, Long> fullUntil = new HashMap<>();

    OutboxSender(ChatStore store, ConfabApi api, AccountService account, KeyDirectory keys, SecureRandom random,
            Clock clock, Function<String, String> nameOf, ListenerSet<ChatListener> listeners) {
        this.store = store;
        this.api = api;
        this.account = account;
        this.keys = keys;
        this.random = random;
        this.nameOf = nameOf;
        this.listeners = listeners;
        this.clock = clock;
    }

    synchronized ChatService.FlushResult flush() {
        int sent = 0;
        int failed = 0;
        int waiting = 0;
        Map<String, ClientException> failures = new HashMap<>();
        Map<String, UntrustedKeyException> heldPeers = new HashMap<>();
        fullUntil.values().removeIf(until -> until <= clock.millis());
        String me = account.require().userId();
        List<ChatStore.Queued> queue = store.outbox();
        for (int i = 0; i < queue.size(); i++) {
            ChatStore.Queued queued = queue.get(i);
            Optional<ChatMessage> found = store.find(me, queued.messageId());
            if (found.isEmpty()) {
                store.dequeue(queued.messageId());
                continue;
            }
            ChatMessage message = found.get();
            if (fullUntil.containsKey(message.peerUserId())) {
                waiting++; // keeps its place until the recipient's device takes messages again
                continue;
            }
            ClientException failure;
            try {
                UntrustedKeyException held = heldPeers.get(message.peerUserId());
                if (held != null) {
                    throw held;
                }
                SendMessageResponse response = deliver(message);
                store.dequeue(queued.messageId());
                store.advance(message.senderUserId(), queued.messageId(), MessageState.SENT, response.serverTimestamp(), null)
                        .ifPresent(m -> listeners.fire(l -> l.onMessageChanged(m)));
                sent++;
                continue;
            } catch (ApiException e) {
                if (ChatService.retryLater(e)) {
                    log.info("Outbox paused with {} waiting: {}", queue.size() - i, e.getMessage());
                    return new ChatService.FlushResult(sent, failed, waiting + queue.size() - i, failures);
                }
                if (e.is(ErrorCode.INBOX_FULL)) {
                    log.info("The inbox of a device of {} is full; its conversation waits: {}", message.peerUserId(), e.details());
                    fullUntil.put(message.peerUserId(), clock.millis() + FULL_INBOX_RETRY.toMillis());
                    store.note(message.senderUserId(), message.messageId(), "Waiting: a device of " + nameOf.apply(message.peerUserId())
                            + " has too many undelivered messages; this goes out once it has come online and received them.");
                    waiting++;
                    continue;
                }
                failure = new ClientException(e.code(), refusal(e, message.peerUserId()));
            } catch (NotSignedInException e) {
                return new ChatService.FlushResult(sent, failed, waiting + queue.size() - i, failures);
            } catch (UntrustedKeyException e) {
                boolean trustHelps = e.changes().stream().anyMatch(c -> c.kind() != KeyChange.Kind.INVALID_SIGNATURE);
                if (trustHelps) {
                    heldPeers.put(message.peerUserId(), e);
                }
                fail(message, e.getMessage() + (trustHelps ? " It is sent once you trust the new keys." : ""), trustHelps);
                failures.put(queued.messageId(), e);
                failed++;
                continue;
            } catch (ProtocolException e) {
                failure = new ClientException(e.code(), "Not sent: " + e.getMessage());
            } catch (CryptoException | IllegalArgumentException e) {
                failure = new ClientException("Not sent: " + nameOf.apply(queued.peerUserId()) + "'s published key cannot be used ("
                        + e.getMessage() + ").");
            } catch (ClientException e) {
                failure = e;
            }
            fail(message, failure.getMessage(), false);
            failures.put(queued.messageId(), failure);
            failed++;
        }
        return new ChatService.FlushResult(sent, failed, waiting, failures);
    }

    /** Queues again what a key change of {@code peerUserId} held back, in order. Returns those messages. */
    List<ChatMessage> requeueHeld(String peerUserId) {
        AccountState me = account.current().orElse(null);
        if (me == null) {
            return List.of();
        }
        List<ChatMessage> requeued = store.requeueHeld(me.userId(), peerUserId);
        requeued.forEach(m -> listeners.fire(l -> l.onMessageChanged(m)));
        return requeued;
    }

    /** Takes a message that is still queued out of the outbox for good, as FAILED with {@code why}. */
    synchronized Optional<ChatMessage> discard(String messageId, String why) {
        Optional<ChatMessage> discarded = store.fail(account.require().userId(), messageId, why, false);
        discarded.ifPresent(m -> listeners.fire(l -> l.onMessageChanged(m)));
        return discarded;
    }

    private void fail(ChatMessage message, String why, boolean heldForTrust) {
        store.fail(message.senderUserId(), message.messageId(), why, heldForTrust)
                .ifPresent(m -> listeners.fire(l -> l.onMessageChanged(m)));
    }

    private SendMessageResponse deliver(ChatMessage message) {
        AccountState me = account.require();
        byte[] payload = ChatPayloads.encode(message.text(), message.composedAt());
        String peer = message.peerUserId();
        Set<String> leaveOut = new HashSet<>(); // own devices whose inbox is full: they do without a copy
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1 || !keys.known(peer)) {
                keys.refresh(peer);
            }
            if (attempt > 1) {
                keys.refresh(me.userId());
            } else {
                keys.refreshIfOlder(me.userId(), OWN_DEVICES_MAX_AGE);
            }
            List<PinnedDevice> targets = keys.sealTargets(peer);
            if (targets.isEmpty()) {
                throw new ClientException(nameOf.apply(peer) + " has no device that can receive messages yet (they have not signed in since registering).");
            }
            List<Envelope> envelopes = new ArrayList<>();
            for (PinnedDevice device : targets) {
                envelopes.add(seal(payload, message, me, device));
            }
            List<String> copies = new ArrayList<>();
            for (PinnedDevice own : keys.ownCopyTargets()) {
                if (!leaveOut.contains(own.deviceId())) {
                    envelopes.add(seal(payload, message, me, own));
                    copies.add(own.deviceId());
                }
            }
            try {
                return api.sendMessage(new SendMessageRequest(message.messageId(), peer, envelopes));
            } catch (ApiException e) {
                if (e.is(ErrorCode.INBOX_FULL) && attempt < SEND_ATTEMPTS) {
                    List<String> full = fullDevices(e);
                    if (!full.isEmpty() && copies.containsAll(full)) {
                        log.info("Own devices {} have full inboxes; sending without their copies", full);
                        leaveOut.addAll(full);
                        continue;
                    }
                }
                if (!e.is(ErrorCode.DEVICE_MISMATCH) || attempt >= SEND_ATTEMPTS) {
                    throw e;
                }
                log.info("Device list of {} changed ({}); re-reading keys", peer, e.details());
            }
        }
    }

    /** The devices an {@code inbox_full} answer names ({@code details.fullDevices}). */
    private static List<String> fullDevices(ApiException e) {
        return e.details().get("fullDevices") instanceof List<?> list
                ? list.stream().filter(String.class::isInstance).map(String.class::cast).toList()
                : List.of();
    }

    private Envelope seal(byte[] payload, ChatMessage message, AccountState me, PinnedDevice device) {
        SealContext context = new SealContext(message.messageId(), me.userId(), me.deviceId(), message.peerUserId(), device.deviceId());
        byte[] sealed = MessageSealer.seal(payload, context, account.identity().identity(),
                Base64.getDecoder().decode(device.agreementKey()), random);
        return new Envelope(device.deviceId(), Base64.getEncoder().encodeToString(sealed));
    }

    private String refusal(ApiException e, String peer) {
        String who = nameOf.apply(peer);
        if (e.is(ErrorCode.NOT_CONTACTS)) {
            // Also the answer when the peer blocked this user: the server does not reveal blocks, nor does this.
            return "Not sent: the server says you and " + who + " are not contacts.";
        }
        if (e.is(ErrorCode.BLOCKED)) {
            return "Not sent: you blocked " + who + "; unblock them first ('contacts unblock " + who + "').";
        }
        if (e.is(ErrorCode.DEVICE_MISMATCH)) {
            return "Not sent: " + who + "'s devices keep changing; try again.";
        }
        return "Not sent: " + e.getMessage();
    }
}
