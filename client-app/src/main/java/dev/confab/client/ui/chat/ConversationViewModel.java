package dev.confab.client.ui.chat;

import dev.confab.client.core.ClientListener;
import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.chat.ChatMessage;
import dev.confab.client.core.chat.HistoryPage;
import dev.confab.client.core.contacts.ContactView;
import dev.confab.client.core.presence.Presence;
import dev.confab.client.ui.contacts.DisplayNames;
import dev.confab.client.ui.contacts.StatusText;
import dev.confab.client.ui.fx.Problems;
import dev.confab.client.ui.fx.UiExecutors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One conversation: its history (the newest page first, older pages on request), new messages and state changes
 * as they happen, the draft (loaded at open, saved on every change and at close), sending, marking incoming
 * messages read while the conversation is shown in the focused window, and a {@link MessageNotifier} call for an
 * incoming message the user is not looking at.
 *
 * <p>Threads: properties and lists change only on {@code run.ui()}, and must be read and set there; store and
 * network work runs on {@code run.background()}. A failure sets {@link #problemProperty()}; no exception escapes.
 */
public final class ConversationViewModel implements AutoCloseable {
    /** How many messages a page of history holds. */
    public static final int PAGE_SIZE = 50;

    private final ConfabClient client;
    private final UiExecutors run;
    private final String peerUserId;
    private final MessageNotifier notifier;
    private final int pageSize;
    private final ClientListener listener = new Listener();
    private final MessageTexts texts;

    private final ObservableList<MessageItem> messages = FXCollections.observableArrayList();
    private final Set<String> keys = new HashSet<>();
    private final ReadOnlyBooleanWrapper hasEarlier = new ReadOnlyBooleanWrapper(this, "hasEarlier");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", true);
    private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyObjectWrapper<Presence> presence = new ReadOnlyObjectWrapper<>(this, "presence", Presence.UNKNOWN);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final BooleanProperty windowFocused = new SimpleBooleanProperty(this, "windowFocused");
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);

    private final Object draftLock = new Object();
    private final AtomicReference<String> unsavedDraft = new AtomicReference<>();
    private String earlierCursor;
    private boolean draftLoaded;
    private boolean markingRead;
    private volatile boolean closed;

    /** Opens the conversation with {@code peerUserId} with pages of {@value #PAGE_SIZE} messages. */
    public ConversationViewModel(ConfabClient client, UiExecutors run, String peerUserId, MessageNotifier notifier) {
        this(client, run, peerUserId, notifier, PAGE_SIZE);
    }

    /** Opens the conversation with {@code peerUserId}, reading history {@code pageSize} messages at a time. */
    public ConversationViewModel(ConfabClient client, UiExecutors run, String peerUserId, MessageNotifier notifier,
            int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        this.client = client;
        this.run = run;
        this.peerUserId = peerUserId;
        this.notifier = notifier;
        this.pageSize = pageSize;
        this.texts = new MessageTexts(client.config().clock());
        title.set(client.contacts().nameOf(peerUserId));
        draft.addListener((_, _, text) -> draftChanged(text));
        windowFocused.addListener((_, _, _) -> markReadIfSeen());
        shown.addListener((_, _, _) -> markReadIfSeen());
        client.addListener(listener);
        open();
    }

    // ---- what the view binds

    /** The messages loaded so far, oldest first. */
    public ObservableList<MessageItem> messages() {
        return messages;
    }

    /** Whether older messages than those loaded exist ({@link #loadEarlier()}). */
    public ReadOnlyBooleanProperty hasEarlierProperty() {
        return hasEarlier.getReadOnlyProperty();
    }

    /** Whether history is being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The text being written; kept as the conversation's draft. */
    public StringProperty draftProperty() {
        return draft;
    }

    /** Why the last action failed, for people; null after a success. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The contact's name. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Presence> presenceProperty() {
        return presence.getReadOnlyProperty();
    }

    /** The contact's status ("online", "offline, last seen 5 min ago", "unknown"). */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** Input: whether the app's window has the focus. */
    public BooleanProperty windowFocusedProperty() {
        return windowFocused;
    }

    /** Input: whether this conversation is the one on screen (true by default). */
    public BooleanProperty shownProperty() {
        return shown;
    }

    public String peerUserId() {
        return peerUserId;
    }

    // ---- actions

    /** Sends the draft (stripped) and clears it; a blank draft does nothing. */
    public void send() {
        String text = draft.get();
        if (text == null || text.isBlank()) {
            return;
        }
        problem.set(null);
        draft.set("");
        run.attempt("Sending the message", () -> client.chat().send(peerUserId, text.strip()), () -> { }, why -> {
            problem.set(why);
            if (draft.get() == null || draft.get().isEmpty()) {
                draft.set(text); // give the text back, so nothing is lost
            }
        });
    }

    /** Reads the page before the oldest loaded message and puts it on top. */
    public void loadEarlier() {
        if (!hasEarlier.get() || loading.get()) {
            return;
        }
        loading.set(true);
        String cursor = earlierCursor;
        run.background().execute(() -> {
            try {
                HistoryPage page = client.chat().history(peerUserId, cursor, pageSize);
                run.ui().execute(() -> {
                    List<MessageItem> earlier = new ArrayList<>();
                    for (ChatMessage m : page.messages().reversed()) {
                        if (keys.add(MessageTexts.key(m))) {
                            earlier.add(texts.item(m));
                        }
                    }
                    messages.addAll(0, earlier);
                    paged(page);
                });
            } catch (RuntimeException e) {
                failed("Reading earlier messages", e);
            }
        });
    }

    /** Recomputes time-dependent texts (the contact's "last seen"); the view calls it every half minute. */
    public void tick() {
        showContact();
    }

    /** Saves the draft and stops listening to the client. Call on the UI thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        client.removeListener(listener);
        if (draftLoaded) {
            unsavedDraft.set(draft.get() == null ? "" : draft.get());
            saveDraft();
        }
    }

    // ---- internals

    private void open() {
        run.background().execute(() -> {
            try {
                HistoryPage page = client.chat().history(peerUserId, null, pageSize);
                String saved = client.chat().draft(peerUserId).orElse("");
                run.ui().execute(() -> {
                    List<MessageItem> newest = new ArrayList<>();
                    for (ChatMessage m : page.messages().reversed()) {
                        if (keys.add(MessageTexts.key(m))) {
                            newest.add(texts.item(m));
                        }
                    }
                    messages.addAll(0, newest); // live messages that came meanwhile stay below
                    paged(page);
                    showContact();
                    if (draft.get() == null || draft.get().isEmpty()) {
                        draft.set(saved);
                    }
                    draftLoaded = true;
                    markReadIfSeen();
                });
            } catch (RuntimeException e) {
                failed("Opening the conversation", e);
            }
        });
    }

    private void paged(HistoryPage page) {
        earlierCursor = page.nextBefore();
        hasEarlier.set(earlierCursor != null);
        loading.set(false);
    }

    private void failed(String what, RuntimeException e) {
        String why = Problems.message(what, e);
        run.ui().execute(() -> {
            loading.set(false);
            problem.set(why);
        });
    }

    /** Shows the contact as the client has it now (in memory; events are only a cue, as in the contact list). */
    private void showContact() {
        client.contacts().byId(peerUserId).ifPresent(view -> {
            title.set(DisplayNames.of(view));
            presence.set(view.presence());
            statusText.set(StatusText.of(view.presence(), view.lastSeenAt(), client.config().clock().millis()));
        });
    }

    private void draftChanged(String text) {
        if (!draftLoaded || closed) {
            return;
        }
        unsavedDraft.set(text == null ? "" : text);
        run.background().execute(this::saveDraft);
    }

    /** Saves the newest unsaved draft, if any; saves happen one at a time, so the newest is saved last. */
    private void saveDraft() {
        synchronized (draftLock) {
            String text = unsavedDraft.getAndSet(null);
            if (text == null) {
                return;
            }
            try {
                client.chat().saveDraft(peerUserId, text);
            } catch (RuntimeException e) {
                String why = Problems.message("Keeping the draft", e);
                run.ui().execute(() -> problem.set(why));
            }
        }
    }

    private boolean seen() {
        return shown.get() && windowFocused.get();
    }

    private void markReadIfSeen() {
        if (closed || markingRead || !draftLoaded || !seen() || messages.stream().noneMatch(MessageTexts::unread)) {
            return;
        }
        markingRead = true;
        run.attempt("Marking messages read", () -> client.chat().markRead(peerUserId), () -> {
            markingRead = false;
            markReadIfSeen(); // one may have come while marking
        }, why -> {
            markingRead = false;
            problem.set(why);
        });
    }

    private void arrived(ChatMessage message) {
        if (!keys.add(MessageTexts.key(message))) {
            changed(message);
            return;
        }
        messages.add(texts.item(message));
        if (message.outgoing()) {
            return;
        }
        if (!seen()) {
            notifier.newMessage(title.get(), MessageTexts.preview(message), peerUserId);
        }
        markReadIfSeen();
    }

    private void changed(ChatMessage message) {
        String key = MessageTexts.key(message);
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).key().equals(key)) {
                if (!MessageTexts.goesBack(messages.get(i).state(), message.state())) {
                    messages.set(i, texts.item(message));
                }
                return;
            }
        }
    }

    /** The client's events for this conversation, moved to the UI thread. */
    private final class Listener implements ClientListener {
        @Override
        public void onMessage(ChatMessage message) {
            if (message.peerUserId().equals(peerUserId)) {
                run.ui().execute(() -> arrived(message));
            }
        }

        @Override
        public void onMessageChanged(ChatMessage message) {
            if (message.peerUserId().equals(peerUserId)) {
                run.ui().execute(() -> changed(message));
            }
        }

        @Override
        public void onPresenceChanged(ContactView view) {
            if (view.userId().equals(peerUserId)) {
                run.ui().execute(ConversationViewModel.this::showContact);
            }
        }

        @Override
        public void onContactsChanged(List<ContactView> contacts) {
            run.ui().execute(ConversationViewModel.this::showContact);
        }
    }
}
