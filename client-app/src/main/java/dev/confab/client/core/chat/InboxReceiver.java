package dev.confab.client.core.chat;

import dev.confab.client.core.account.AccountService;
import dev.confab.client.core.account.AccountState;
import dev.confab.client.core.api.ApiException;
import dev.confab.client.core.api.ConfabApi;
import dev.confab.client.core.internal.ListenerSet;
import dev.confab.client.core.keys.KeyDirectory;
import dev.confab.client.core.keys.PinnedDevice;
import dev.confab.client.core.keys.TrustState;
import dev.confab.crypto.CryptoException;
import dev.confab.crypto.seal.MessageSealer;
import dev.confab.crypto.seal.SealContext;
import dev.confab.crypto.seal.SealException;
import dev.confab.protocol.Json;
import dev.confab.protocol.ProtocolException;
import dev.confab.protocol.chat.ChatPayload;
import dev.confab.protocol.inbox.InboxEntry;
import dev.confab.protocol.inbox.InboxMessage;
import dev.confab.protocol.inbox.InboxReceipt;
import dev.confab.protocol.inbox.ReceiptStatus;
import dev.confab.protocol.rest.InboxAck;
import dev.confab.protocol.rest.InboxPage;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving half of chat: opens inbox items in order and stores each message exactly once (a redelivered item
 * is a no-op), records one that does not open as undecryptable with the reason, and moves sent messages along
 * with receipts. Sealed envelopes are checked against the sender device's pinned identity key; a message from a
 * device whose key is new or changed and not yet trusted is stored but marked as from an unverified sender.
 *
 * <p>Thread-safe: items are handled one at a time, in the order the callers hand them in.
 */
final class InboxReceiver {
    private static final Logger log = LoggerFactory.getLogger(InboxReceiver.class);
    private static final int INBOX_PAGE = 200;

    private final ChatStore store;
    private final ConfabApi api;
    private final AccountService account;
    private final KeyDirectory keys;
    private final ListenerSet<ChatListener> listeners;

    InboxReceiver(ChatStore store, ConfabApi api, AccountService account, KeyDirectory keys, ListenerSet<ChatListener> listeners) {
        this.store = store;
        this.api = api;
        this.account = account;
        this.keys = keys;
        this.listeners = listeners;
    }


    /**
     * Handles one inbox item: stores a message exactly once (or records it as undecryptable), or applies a receipt.
     * When this returns the item may be acknowledged.
     *
     * @throws ApiException if the server could not be reached to fetch the sender's keys: do not acknowledge
     */
    void receive(InboxEntry entry) {
        synchronized (this) {
            switch (entry.item()) {
                case InboxMessage message -> receiveMessage(message);
                case InboxReceipt receipt -> receiveReceipt(receipt);
            }
        }
    }

    /**
     * Reads the whole inbox over REST, handling and acknowledging it page by page (for a client without the event
     * connection, such as one CLI command). Returns how many items were handled.
     */
    int syncInbox() {
        int handled = 0;
        while (true) {
            InboxPage page = api.inbox(INBOX_PAGE);
            long upTo = -1;
            try {
                for (InboxEntry entry : page.entries()) {
                    receive(entry);
                    upTo = entry.seq();
                    handled++;
                }
            } finally {
                if (upTo >= 0) {
                    api.ackInbox(new InboxAck(upTo));
                }
            }
            if (!page.more() || page.entries().isEmpty()) {
                return handled;
            }
        }
    }

    private void receiveMessage(InboxMessage item) {
        AccountState me = account.require();
        boolean fromMe = item.senderUserId().equals(me.userId());
        String peer = fromMe ? item.recipientUserId() : item.senderUserId();
        if (store.find(item.senderUserId(), item.messageId()).isPresent()) {
            return;
        }
        if (!fromMe && !me.userId().equals(item.recipientUserId())) {
            record(item, peer, false, "addressed to another user");
            return;
        }
        Optional<PinnedDevice> sender = senderDevice(item);
        if (sender.isEmpty()) {
            record(item, peer, fromMe, "sent from a device this client does not know");
            return;
        }
        if (sender.get().trust() == TrustState.INVALID) {
            record(item, peer, fromMe, "the sender device's key fails its signature check");
            return;
        }
        byte[] plaintext;
        try {
            SealContext context = new SealContext(item.messageId(), item.senderUserId(), item.senderDeviceId(),
                    item.recipientUserId(), me.deviceId());
            plaintext = MessageSealer.open(Base64.getDecoder().decode(item.ciphertext()), context,
                    Base64.getDecoder().decode(sender.get().identityKey()), account.identity().agreement());
        } catch (SealException e) {
            record(item, peer, fromMe, "it does not open: " + describe(e.reason()));
            return;
        } catch (CryptoException | IllegalArgumentException e) {
            record(item, peer, fromMe, "it is malformed");
            return;
        }
        ChatPayload payload;
        try {
            payload = Json.decode(plaintext, ChatPayload.class);
        } catch (ProtocolException e) {
            record(item, peer, fromMe, "its content is malformed");
            return;
        }
        boolean unverified = sender.get().trust() != TrustState.TRUSTED;
        ChatMessage message = new ChatMessage(item.messageId(), peer, fromMe, item.senderUserId(), item.senderDeviceId(),
                payload.text(), payload.composedAt(), item.serverTimestamp(),
                fromMe ? MessageState.SENT : MessageState.RECEIVED, null, unverified, null);
        store.insertIfNew(message).ifPresent(m -> listeners.fire(l -> l.onMessage(m)));
    }

    private Optional<PinnedDevice> senderDevice(InboxMessage item) {
        Optional<PinnedDevice> pin = keys.device(item.senderUserId(), item.senderDeviceId());
        if (pin.isPresent() && pin.get().active()) {
            return pin;
        }
        try {
            keys.refresh(item.senderUserId());
        } catch (ApiException e) {
            if (ChatService.retryLater(e)) {
                throw e;
            }
            log.warn("Cannot fetch the keys of {}: {}", item.senderUserId(), e.getMessage());
            return Optional.empty();
        }
        return keys.device(item.senderUserId(), item.senderDeviceId()).filter(PinnedDevice::active);
    }

    private void record(InboxMessage item, String peer, boolean fromMe, String why) {
        log.warn("Message {} from {} could not be read: {}", item.messageId(), item.senderUserId(), why);
        ChatMessage message = new ChatMessage(item.messageId(), peer, fromMe, item.senderUserId(), item.senderDeviceId(),
                null, 0, item.serverTimestamp(), fromMe ? MessageState.SENT : MessageState.RECEIVED,
                "Could not be decrypted: " + why + ".", false, null);
        store.insertIfNew(message).ifPresent(m -> listeners.fire(l -> l.onMessage(m)));
    }

    private void receiveReceipt(InboxReceipt receipt) {
        String me = account.require().userId();
        MessageState state = receipt.status() == ReceiptStatus.READ ? MessageState.READ : MessageState.DELIVERED;
        store.advance(me, receipt.messageId(), state, 0, null)
                .ifPresent(m -> listeners.fire(l -> l.onMessageChanged(m)));
    }

    private static String describe(SealException.Reason reason) {
        return switch (reason) {
            case BAD_SIGNATURE, WRONG_CONTEXT -> "the signature does not match the sender's key";
            case DECRYPTION_FAILED -> "it was sealed to another key of this device";
            case UNSUPPORTED_VERSION -> "it uses a format this version does not read";
            case MALFORMED -> "it is malformed";
        };
    }
}
