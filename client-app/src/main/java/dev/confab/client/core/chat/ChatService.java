package dev.confab.client.core.chat;

import dev.confab.client.core.ClientException;
import dev.confab.client.core.account.AccountService;
import dev.confab.client.core.account.AccountState;
import dev.confab.client.core.api.ApiException;
import dev.confab.client.core.api.ConfabApi;
import dev.confab.client.core.internal.Ids;
import dev.confab.client.core.internal.ListenerSet;
import dev.confab.client.core.keys.KeyDirectory;
import dev.confab.client.core.keys.PinnedDevice;
import dev.confab.client.core.keys.TrustState;
import dev.confab.client.core.keys.UntrustedKeyException;
import dev.confab.client.core.store.LocalStore;
import dev.confab.crypto.identity.DeviceIdentity;
import dev.confab.crypto.seal.MessageSealer;
import dev.confab.crypto.seal.SealContext;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.Json;
import dev.confab.protocol.chat.ChatPayload;
import dev.confab.protocol.inbox.InboxEntry;
import dev.confab.protocol.rest.Envelope;
import dev.confab.protocol.rest.ReadReceiptRequest;
import dev.confab.protocol.rest.SendMessageRequest;
import dev.confab.protocol.rest.SendMessageResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat: composing, the outbox, receiving, receipts and history.
 *
 * <p><b>Send.</b> {@link #send} stores the message (state SENDING) and queues it in the outbox in one transaction,
 * then the outbox is {@linkplain #flushOutbox flushed} in composition order once the server can be reached. Each
 * send seals the {@link ChatPayload} once per trusted device of the recipient and once per other device of this
 * user; on {@code device_mismatch} it re-reads keys and tries again. A send is idempotent by message id, so
 * retrying after an unknown outcome (a timeout, a crash) never duplicates.
 *
 * <p><b>Receive.</b> {@link #receive} handles inbox items in order: it fetches the sender's keys if needed, opens the
 * envelope, and stores the message (a no-op when it is stored already). Only then may the caller acknowledge the
 * item. A message that does not open is stored as undecryptable with the reason, and acknowledged; a failure to
 * reach the server is thrown, and the caller must not acknowledge that item nor any after it.
 *
 * <p>Thread-safe: sending serializes on its own lock, receiving on the {@link InboxReceiver}'s. Methods that talk
 * to the server block.
 */
public final class ChatService {
    private static final Logger log = LoggerFactory.getLogger(ChatService.class);
    private static final int SEND_ATTEMPTS = 3;
    private static final java.time.Duration OWN_DEVICES_MAX_AGE = java.time.Duration.ofMinutes(1);

    /**
     * What one flush of the outbox did.
     *
     * @param failures why each message refused for good in this flush failed, by message id
     */
    public record FlushResult(int sent, int failed, int waiting, java.util.Map<String, ClientException> failures) {
        public FlushResult {
            failures = java.util.Map.copyOf(failures);
        }
    }

    private final LocalStore localStore;
    private final ChatStore store;
    private final ConfabApi api;
    private final AccountService account;
    private final KeyDirectory keys;
    private final SecureRandom random;
    private final Clock clock;
    private final Function<String, String> nameOf;
    private final ListenerSet<ChatListener> listeners;
    private volatile Runnable onQueued = () -> { };
    private final Object sendLock = new Object();
    private final InboxReceiver receiver;

    public ChatService(LocalStore localStore, ConfabApi api, AccountService account, KeyDirectory keys, SecureRandom random,
            Clock clock, Function<String, String> nameOf, ListenerSet<ChatListener> listeners) {
        this.localStore = Objects.requireNonNull(localStore, "localStore");
        this.store = new ChatStore(localStore);
        this.api = Objects.requireNonNull(api, "api");
        this.account = Objects.requireNonNull(account, "account");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nameOf = Objects.requireNonNull(nameOf, "nameOf");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
        this.receiver = new InboxReceiver(store, api, account, keys, listeners);
    }

    public void addListener(ChatListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ChatListener listener) {
        listeners.remove(listener);
    }

    // ---- composing and sending

    /**
     * Composes a message to {@code peerUserId} and queues it; it is sent by the next {@link #flushOutbox} (the
     * running client flushes by itself when connected). Works offline.
     *
     * @throws UntrustedKeyException if the peer's keys changed and the user has not trusted them
     * @throws ClientException if the text is empty or too long
     */
    public ChatMessage send(String peerUserId, String text) {
        AccountState me = account.require();
        if (text == null || text.isBlank()) {
            throw new ClientException("A message needs some text.");
        }
        if (text.length() > ChatPayload.MAX_TEXT) {
            throw new ClientException("A message may be at most " + ChatPayload.MAX_TEXT + " characters (this one has " + text.length() + ").");
        }
        if (peerUserId.equals(me.userId())) {
            throw new ClientException("You cannot send a message to yourself.");
        }
        if (keys.known(peerUserId)) {
            keys.sealTargets(peerUserId);
        }
        ChatMessage message = new ChatMessage(Ids.uuid(random), peerUserId, true, me.userId(), me.deviceId(), text,
                clock.millis(), 0, MessageState.SENDING, null, false, null);
        ChatMessage stored = store.insertOutgoing(message);
        listeners.fire(l -> l.onMessage(stored));
        onQueued.run();
        return stored;
    }

    /** Wiring: what to do when a message was queued (the live client sends the outbox soon). */
    public void onQueued(Runnable action) {
        this.onQueued = action == null ? () -> { } : action;
    }

    /** Whether messages wait in the outbox. */
    public boolean outboxEmpty() {
        return store.outbox().isEmpty();
    }

    /**
     * Sends what waits in the outbox, oldest first. Stops at the first message that cannot be sent for now
     * (server unreachable, overloaded, rate limited) so order is kept; a message refused for good (not contacts,
     * blocked, untrusted keys) is marked FAILED and the rest go on.
     */
    public FlushResult flushOutbox() {
        synchronized (sendLock) {
            int sent = 0;
            int failed = 0;
            java.util.Map<String, ClientException> failures = new java.util.HashMap<>();
            String me = account.require().userId();
            List<ChatStore.Queued> queue = store.outbox();
            for (int i = 0; i < queue.size(); i++) {
                ChatStore.Queued queued = queue.get(i);
                Optional<ChatMessage> message = store.find(me, queued.messageId());
                if (message.isEmpty()) {
                    store.dequeue(queued.messageId());
                    continue;
                }
                try {
                    SendMessageResponse response = deliver(message.get());
                    store.dequeue(queued.messageId());
                    store.advance(message.get().senderUserId(), queued.messageId(), MessageState.SENT, response.serverTimestamp(), null)
                            .ifPresent(m -> listeners.fire(l -> l.onMessageChanged(m)));
                    sent++;
                } catch (ApiException e) {
                    if (retryLater(e)) {
                        log.info("Outbox paused with {} waiting: {}", queue.size() - i, e.getMessage());
                        return new FlushResult(sent, failed, queue.size() - i, failures);
                    }
                    String why = refusal(e, message.get().peerUserId());
                    fail(message.get(), why);
                    failures.put(queued.messageId(), new ClientException(e.code(), why));
                    failed++;
                } catch (dev.confab.protocol.ProtocolException e) {
                    String why = "Not sent: " + e.getMessage();
                    fail(message.get(), why);
                    failures.put(queued.messageId(), new ClientException(e.code(), why));
                    failed++;
                } catch (dev.confab.crypto.CryptoException | IllegalArgumentException e) {
                    String why = "Not sent: " + nameOf.apply(queued.peerUserId()) + "'s published key cannot be used (" + e.getMessage() + ").";
                    fail(message.get(), why);
                    failures.put(queued.messageId(), new ClientException(why));
                    failed++;
                } catch (dev.confab.client.core.NotSignedInException e) {
                    return new FlushResult(sent, failed, queue.size() - i, failures);
                } catch (ClientException e) {
                    fail(message.get(), e.getMessage());
                    failures.put(queued.messageId(), e);
                    failed++;
                }
            }
            return new FlushResult(sent, failed, 0, failures);
        }
    }

    private void fail(ChatMessage message, String why) {
        store.dequeue(message.messageId());
        store.advance(message.senderUserId(), message.messageId(), MessageState.FAILED, 0, why)
                .ifPresent(m -> listeners.fire(l -> l.onMessageChanged(m)));
    }

    private SendMessageResponse deliver(ChatMessage message) {
        AccountState me = account.require();
        DeviceIdentity identity = account.identity();
        byte[] payload = Json.encode(new ChatPayload(message.text(), message.composedAt())).getBytes(StandardCharsets.UTF_8);
        String peer = message.peerUserId();
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1 || !keys.known(peer)) {
                keys.refresh(peer);
            }
            if (attempt > 1) {
                keys.refresh(me.userId());
            } else {
                // The server tells nobody about a user's own new device; look now and then, for sent copies.
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
            for (PinnedDevice own : keys.devices(me.userId())) {
                if (own.trust() == TrustState.TRUSTED && !own.deviceId().equals(me.deviceId())) {
                    envelopes.add(seal(payload, message, me, own));
                }
            }
            try {
                return api.sendMessage(new SendMessageRequest(message.messageId(), peer, envelopes));
            } catch (ApiException e) {
                if (!e.is(ErrorCode.DEVICE_MISMATCH) || attempt >= SEND_ATTEMPTS) {
                    throw e;
                }
                log.info("Device list of {} changed ({}); re-reading keys", peer, e.details());
            }
        }
    }

    private Envelope seal(byte[] payload, ChatMessage message, AccountState me, PinnedDevice device) {
        SealContext context = new SealContext(message.messageId(), me.userId(), me.deviceId(), message.peerUserId(), device.deviceId());
        byte[] sealed = MessageSealer.seal(payload, context, account.identity().identity(),
                Base64.getDecoder().decode(device.agreementKey()), random);
        return new Envelope(device.deviceId(), Base64.getEncoder().encodeToString(sealed));
    }

    /** Whether a failure is temporary: the server is out of reach, overloaded, limiting, or the session is gone. */
    static boolean retryLater(ApiException e) {
        return e.unreachable() || e.kind() == ApiException.Kind.BAD_RESPONSE
                || e.is(ErrorCode.RATE_LIMITED) || e.is(ErrorCode.INTERNAL_ERROR) || e.is(ErrorCode.UNAVAILABLE)
                || e.is(ErrorCode.UNAUTHORIZED);
    }

    private String refusal(ApiException e, String peer) {
        String who = nameOf.apply(peer);
        if (e.is(ErrorCode.NOT_CONTACTS)) {
            return "Not sent: you and " + who + " are not contacts.";
        }
        if (e.is(ErrorCode.BLOCKED)) {
            return "Not sent: one of you blocked the other.";
        }
        if (e.is(ErrorCode.DEVICE_MISMATCH)) {
            return "Not sent: " + who + "'s devices keep changing; try again.";
        }
        return "Not sent: " + e.getMessage();
    }

    // ---- receiving

    /**
     * Handles one inbox item: stores a message exactly once (or records it as undecryptable), or applies a receipt.
     * When this returns the item may be acknowledged.
     *
     * @throws ApiException if the server could not be reached to fetch the sender's keys: do not acknowledge
     */
    public void receive(InboxEntry entry) {
        receiver.receive(entry);
    }

    /**
     * Reads the whole inbox over REST, handling and acknowledging it page by page (for a client without the event
     * connection, such as one CLI command). Returns how many items were handled.
     */
    public int syncInbox() {
        return receiver.syncInbox();
    }

    // ---- reading

    /**
     * Marks every unread message of the conversation read and sends read receipts (now if the server answers,
     * else with the next flush). Returns how many were marked.
     */
    public int markRead(String peerUserId) {
        List<ChatMessage> read = store.markRead(peerUserId);
        read.forEach(m -> listeners.fire(l -> l.onMessageChanged(m)));
        if (!read.isEmpty()) {
            try {
                sendReadReceipts();
            } catch (ApiException e) {
                log.info("Read receipts wait for the server: {}", e.getMessage());
            }
        }
        return read.size();
    }

    /** Sends read receipts still waiting for the server. */
    public void sendReadReceipts() {
        for (Map.Entry<String, List<String>> pending : store.pendingReads().entrySet()) {
            List<String> ids = pending.getValue();
            for (int from = 0; from < ids.size(); from += 500) {
                List<String> batch = ids.subList(from, Math.min(ids.size(), from + 500));
                try {
                    api.markRead(new ReadReceiptRequest(batch));
                } catch (ApiException e) {
                    if (retryLater(e)) {
                        throw e;
                    }
                    log.warn("Read receipts to {} refused: {}", pending.getKey(), e.getMessage());
                }
                store.readsSent(pending.getKey(), batch);
            }
        }
    }

    /** A page of the conversation from the local store, newest first; {@code before} is a previous page's cursor. */
    public HistoryPage history(String peerUserId, String before, int limit) {
        Long beforeSeq;
        try {
            beforeSeq = before == null || before.isBlank() ? null : Long.parseLong(before.strip());
        } catch (NumberFormatException e) {
            throw new ClientException("'" + before + "' is not a history cursor (use the one a previous page printed).");
        }
        return store.history(peerUserId, beforeSeq, Math.max(1, Math.min(limit, 1000)));
    }

    /** Every conversation with its newest message, most recent first. */
    public List<ConversationSummary> conversations() {
        return store.conversations();
    }

    public Optional<ChatMessage> message(String senderUserId, String messageId) {
        return store.find(senderUserId, messageId);
    }

    public Optional<String> draft(String peerUserId) {
        return store.draft(peerUserId);
    }

    /** Keeps a draft for the conversation (encrypted); empty or null clears it. */
    public void saveDraft(String peerUserId, String text) {
        store.saveDraft(peerUserId, text);
    }
}
