package dev.confab.client.ui.chat;

import dev.confab.client.core.ClientListener;
import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.chat.ChatMessage;
import dev.confab.client.ui.contacts.DisplayNames;
import dev.confab.client.ui.fx.UiExecutors;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Tells the user about incoming messages in conversations that are not open: every incoming message whose peer is
 * not {@link #openPeerUserIdProperty()} goes to the {@link MessageNotifier}. The open conversation's
 * {@link ConversationViewModel} notifies about its own messages (when the window is not focused), so the two
 * together announce each unseen message once.
 *
 * <p>Threads: the property is read and set on {@code run.ui()}, where the notifier is called too.
 */
public final class ClosedConversationAlerts implements AutoCloseable {
    private final ConfabClient client;
    private final UiExecutors run;
    private final MessageNotifier notifier;
    private final StringProperty openPeerUserId = new SimpleStringProperty(this, "openPeerUserId");
    private final ClientListener listener = new ClientListener() {
        @Override
        public void onMessage(ChatMessage message) {
            if (!message.outgoing()) {
                run.ui().execute(() -> arrived(message));
            }
        }
    };

    public ClosedConversationAlerts(ConfabClient client, UiExecutors run, MessageNotifier notifier) {
        this.client = client;
        this.run = run;
        this.notifier = notifier;
        client.addListener(listener);
    }

    /** Input: the user id of the conversation on screen (its view-model notifies for it); null when none. */
    public StringProperty openPeerUserIdProperty() {
        return openPeerUserId;
    }

    @Override
    public void close() {
        client.removeListener(listener);
    }

    private void arrived(ChatMessage message) {
        if (message.peerUserId().equals(openPeerUserId.get())) {
            return;
        }
        String name = client.contacts().byId(message.peerUserId())
                .map(DisplayNames::of)
                .orElseGet(() -> client.contacts().nameOf(message.peerUserId()));
        notifier.newMessage(name, MessageTexts.preview(message), message.peerUserId());
    }
}
