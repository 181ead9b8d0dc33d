package dev.confab.client.e2e;

import dev.confab.client.core.ClientListener;
import dev.confab.client.core.chat.ChatMessage;
import dev.confab.client.core.contacts.ContactView;
import dev.confab.client.core.events.ConnectionStatus;
import dev.confab.client.core.keys.KeyChange;
import dev.confab.client.core.presence.Presence;
import dev.confab.protocol.rest.ContactRequest;
import dev.confab.protocol.ws.ServerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every event a client reports, for assertions. The client calls it on its event thread; the lists are safe
 * to read from the test thread.
 */
final class Recorder implements ClientListener {
    /** A connection status and when the client reported it ({@link System#nanoTime()} on its event thread). */
    record Seen(ConnectionStatus status, long atNanos) {}

    final List<Seen> connection = new CopyOnWriteArrayList<>();
    final List<ChatMessage> messages = new CopyOnWriteArrayList<>();
    final List<ChatMessage> changes = new CopyOnWriteArrayList<>();
    final List<KeyChange> keyChanges = new CopyOnWriteArrayList<>();
    final List<ContactRequest> requests = new CopyOnWriteArrayList<>();
    final List<ServerMessage> calls = new CopyOnWriteArrayList<>();
    final List<String> signedOut = new CopyOnWriteArrayList<>();
    /** Every presence this client showed per contact, in order (from single changes and whole-list updates). */
    final Map<String, List<Presence>> presence = new ConcurrentHashMap<>();

    @Override
    public void onConnectionChanged(ConnectionStatus status) {
        connection.add(new Seen(status, System.nanoTime()));
    }

    @Override
    public void onSignedOut(String reason) {
        signedOut.add(reason == null ? "(by the user)" : reason);
    }

    @Override
    public void onPresenceChanged(ContactView contact) {
        shown(contact);
    }

    @Override
    public void onContactsChanged(List<ContactView> contacts) {
        contacts.forEach(this::shown);
    }

    @Override
    public void onMessage(ChatMessage message) {
        messages.add(message);
    }

    @Override
    public void onMessageChanged(ChatMessage message) {
        changes.add(message);
    }

    @Override
    public void onKeyChange(KeyChange change) {
        keyChanges.add(change);
    }

    @Override
    public void onRequestEvent(ContactRequest request) {
        requests.add(request);
    }

    @Override
    public void onIncoming(ServerMessage.CallIncoming call) {
        calls.add(call);
    }

    @Override
    public void onEnded(ServerMessage.CallEnded ended) {
        calls.add(ended);
    }

    List<Presence> presenceOf(String userId) {
        return presence.getOrDefault(userId, List.of());
    }

    /** Incoming messages from {@code userId}'s conversation, in arrival order. */
    List<String> textsFrom(String userId) {
        List<String> texts = new ArrayList<>();
        for (ChatMessage m : messages) {
            if (!m.outgoing() && m.peerUserId().equals(userId)) {
                texts.add(m.text());
            }
        }
        return texts;
    }

    private void shown(ContactView contact) {
        List<Presence> history = presence.computeIfAbsent(contact.userId(), k -> new CopyOnWriteArrayList<>());
        if (history.isEmpty() || history.getLast() != contact.presence()) {
            history.add(contact.presence());
        }
    }
}
