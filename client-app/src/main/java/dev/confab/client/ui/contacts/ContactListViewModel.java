package dev.confab.client.ui.contacts;

import dev.confab.client.core.ClientException;
import dev.confab.client.core.ClientListener;
import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.chat.ChatMessage;
import dev.confab.client.core.chat.ConversationSummary;
import dev.confab.client.core.contacts.ContactRequests;
import dev.confab.client.core.contacts.ContactView;
import dev.confab.client.core.events.ConnectionStatus;
import dev.confab.client.core.presence.Presence;
import dev.confab.client.ui.fx.Problems;
import dev.confab.client.ui.fx.UiExecutors;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.PresenceState;
import dev.confab.protocol.rest.ContactRequest;
import dev.confab.protocol.rest.ContactRequestStatus;
import dev.confab.protocol.rest.UserSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The contact list's state and actions: contacts with presence, status text and unread counts (online first, then
 * by name), a search filter, the selected and the opened contact, the user's own presence, adding a contact,
 * pending requests both ways, block, unblock and remove.
 *
 * <p>Threads: properties and lists change only on {@code run.ui()}, and must be read there; actions may be called
 * from the UI thread and run their server calls on {@code run.background()}. The client's events are cues to read
 * its in-memory contacts and requests again on the UI thread (an event can be older than a read). A failed action sets
 * {@link #problemProperty()} (adding a contact: {@link #addProblemProperty()}); no exception escapes.
 */
public final class ContactListViewModel implements AutoCloseable {
    private final ConfabClient client;
    private final UiExecutors run;
    private final ClientListener listener = new Listener();

    private final Map<String, ContactView> views = new LinkedHashMap<>();
    private final Map<String, Integer> unread = new HashMap<>();
    private final ObservableList<ContactItem> all = FXCollections.observableArrayList();
    private final FilteredList<ContactItem> shown = new FilteredList<>(all);
    private final ObservableList<RequestItem> requests = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<ContactItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper openedUserId = new ReadOnlyStringWrapper(this, "openedUserId");
    private final ReadOnlyObjectWrapper<PresenceState> ownPresence =
            new ReadOnlyObjectWrapper<>(this, "ownPresence", PresenceState.ONLINE);
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final StringProperty addUsername = new SimpleStringProperty(this, "addUsername", "");
    private final StringProperty addMessage = new SimpleStringProperty(this, "addMessage", "");
    private final ReadOnlyStringWrapper addProblem = new ReadOnlyStringWrapper(this, "addProblem");
    private final ReadOnlyStringWrapper addNotice = new ReadOnlyStringWrapper(this, "addNotice");
    private final AtomicLong unreadReads = new AtomicLong();
    private long unreadShown;
    private boolean presenceChosenHere;
    private volatile boolean closed;

    /** Starts listening to {@code client} (signed in) and loads the current contacts, requests and unread counts. */
    public ContactListViewModel(ConfabClient client, UiExecutors run) {
        this.client = client;
        this.run = run;
        busy.bind(running.greaterThan(0));
        search.addListener((_, _, query) -> shown.setPredicate(item -> item.matches(query)));
        client.addListener(listener);
        load();
    }

    // ---- what the view binds

    /** The contacts matching the search, online first, then by name. */
    public ObservableList<ContactItem> contacts() {
        return shown;
    }

    /** Pending requests: incoming first, then outgoing. */
    public ObservableList<RequestItem> requests() {
        return requests;
    }

    /** The search text: contacts whose name or username contains it are shown. */
    public StringProperty searchProperty() {
        return search;
    }

    /** The contact under the cursor; follows the list (kept across updates of the same contact). */
    public ObjectProperty<ContactItem> selectedProperty() {
        return selected;
    }

    /** The user id of the contact whose conversation is open ({@link #open}); null when none. */
    public ReadOnlyStringProperty openedUserIdProperty() {
        return openedUserId.getReadOnlyProperty();
    }

    /** This device's chosen presence. */
    public ReadOnlyObjectProperty<PresenceState> ownPresenceProperty() {
        return ownPresence.getReadOnlyProperty();
    }

    /** Whether the event connection is up; while it is not, every contact's status is "unknown". */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** Whether an action is talking to the server. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last action failed, for people; null after a success. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The username typed into the add-contact form. */
    public StringProperty addUsernameProperty() {
        return addUsername;
    }

    /** The optional message of the add-contact form. */
    public StringProperty addMessageProperty() {
        return addMessage;
    }

    /** Why the last add failed ("Nobody is called 'x'..."); null otherwise. */
    public ReadOnlyStringProperty addProblemProperty() {
        return addProblem.getReadOnlyProperty();
    }

    /** What the last add did ("Request sent to carol."); null otherwise. */
    public ReadOnlyStringProperty addNoticeProperty() {
        return addNotice.getReadOnlyProperty();
    }

    // ---- actions

    /** Opens the conversation with {@code contact} (the app shows it). */
    public void open(ContactItem contact) {
        if (contact != null) {
            selected.set(contact);
            openedUserId.set(contact.userId());
        }
    }

    /** Recomputes time-dependent texts ("last seen 5 min ago"); the view calls it every half minute. */
    public void tick() {
        rebuildContacts();
    }

    /** Chooses this device's presence (online, away or busy). */
    public void choosePresence(PresenceState state) {
        if (state == null || state == ownPresence.get()) {
            return;
        }
        PresenceState before = ownPresence.get();
        presenceChosenHere = true; // the first load's read, if still on its way, is older than this choice
        ownPresence.set(state); // at once, so a chooser shows it; back to what it was if the server refuses
        running.set(running.get() + 1);
        run.attempt("Setting your presence", () -> client.presence().set(state), () -> {
            running.set(running.get() - 1);
            problem.set(null);
        }, why -> {
            running.set(running.get() - 1);
            problem.set(why);
            if (ownPresence.get() == state) {
                ownPresence.set(before);
            }
        });
    }

    /** Asks the user typed in {@link #addUsernameProperty()} to become a contact, with the optional message. */
    public void sendRequest() {
        String username = addUsername.get() == null ? "" : addUsername.get().strip();
        String message = addMessage.get();
        addNotice.set(null);
        String refused = refusal(username);
        addProblem.set(refused);
        if (refused != null) {
            return;
        }
        running.set(running.get() + 1);
        run.background().execute(() -> {
            String notice = null;
            String failure = null;
            try {
                ContactRequest request = client.contacts().add(username, message);
                notice = request.status() == ContactRequestStatus.ACCEPTED
                        ? username + " had asked you already: you are contacts now."
                        : "Request sent to " + username + ".";
            } catch (RuntimeException e) {
                failure = addFailure(username, e);
            }
            String shownNotice = notice;
            String shownFailure = failure;
            run.ui().execute(() -> {
                running.set(running.get() - 1);
                addProblem.set(shownFailure);
                addNotice.set(shownNotice);
                if (shownFailure == null) {
                    addUsername.set("");
                    addMessage.set("");
                }
            });
        });
    }

    public void accept(RequestItem request) {
        act("Accepting the request", () -> {
            client.contacts().accept(request.requestId());
            return null;
        });
    }

    public void decline(RequestItem request) {
        act("Declining the request", () -> {
            client.contacts().decline(request.requestId());
            return null;
        });
    }

    public void cancel(RequestItem request) {
        act("Cancelling the request", () -> {
            client.contacts().cancel(request.requestId());
            return null;
        });
    }

    /** Blocks the contact: they can no longer message, call or see this user's presence. Ask first. */
    public void block(ContactItem contact) {
        act("Blocking " + contact.name(), () -> {
            client.contacts().block(contact.username());
            return null;
        });
    }

    public void unblock(ContactItem contact) {
        act("Unblocking " + contact.name(), () -> {
            client.contacts().unblock(contact.username());
            return null;
        });
    }

    /** Removes the contact, for both sides. Ask first. */
    public void remove(ContactItem contact) {
        act("Removing " + contact.name(), () -> {
            client.contacts().remove(contact.username());
            return null;
        });
    }

    /** Stops listening to the client. */
    @Override
    public void close() {
        closed = true;
        client.removeListener(listener);
    }

    // ---- internals

    /** Runs {@code work} on the background; what it returns (may be null) runs on the UI thread after a success. */
    private void act(String what, Supplier<Runnable> work) {
        running.set(running.get() + 1);
        run.attempt(what, work, then -> {
            running.set(running.get() - 1);
            problem.set(null);
            if (then != null) {
                then.run();
            }
        }, why -> {
            running.set(running.get() - 1);
            problem.set(why);
        });
    }

    /** Why {@code username} cannot be asked, known without the server; null when it may be. */
    private String refusal(String username) {
        if (username.isEmpty()) {
            return "Type the username of the person to add.";
        }
        String name = username.toLowerCase(Locale.ROOT);
        String me = client.account().current().map(a -> a.username().toLowerCase(Locale.ROOT)).orElse(null);
        if (name.equals(me)) {
            return "That is you: type the username of someone else.";
        }
        if (views.values().stream().anyMatch(v -> v.username().equalsIgnoreCase(name))) {
            return username + " is one of your contacts already.";
        }
        return null;
    }

    private static String addFailure(String username, RuntimeException e) {
        if (e instanceof ClientException failure && failure.code() != null) {
            if (failure.code() == ErrorCode.USER_NOT_FOUND) {
                return "Nobody is called '" + username + "' on this server. Check the spelling.";
            }
            if (failure.code() == ErrorCode.ALREADY_CONTACTS) {
                return username + " is one of your contacts already.";
            }
        }
        return Problems.message("Adding " + username, e);
    }

    private void load() {
        run.background().execute(() -> {
            try {
                Map<String, Integer> counts = unreadCounts();
                PresenceState mine = client.presence().chosen().orElse(PresenceState.ONLINE);
                run.ui().execute(() -> {
                    unread.putAll(counts);
                    if (!presenceChosenHere) {
                        ownPresence.set(mine);
                    }
                    connected.set(client.connection().connected());
                    showRequests();
                    showContacts();
                });
            } catch (RuntimeException e) {
                run.ui().execute(() -> problem.set(Problems.message("Loading your contacts", e)));
            }
        });
    }

    private Map<String, Integer> unreadCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (ConversationSummary summary : client.chat().conversations()) {
            counts.put(summary.peerUserId(), summary.unread());
        }
        return counts;
    }

    private void reloadUnread() {
        if (closed) {
            return;
        }
        long read = unreadReads.incrementAndGet();
        run.attempt("Counting unread messages", this::unreadCounts, counts -> {
            if (read < unreadShown) {
                return; // a later read was shown already
            }
            unreadShown = read;
            unread.clear();
            unread.putAll(counts);
            rebuildContacts();
        }, problem::set);
    }

    /**
     * Shows the contacts as the client has them now. Events are only a cue to read again: an event fired before this
     * view-model registered may arrive after its first read, and its snapshot would be older than what is shown.
     * The client's contacts are in memory, so the read does not block.
     */
    private void showContacts() {
        views.clear();
        client.contacts().list().forEach(v -> views.put(v.userId(), v));
        rebuildContacts();
    }

    private void rebuildContacts() {
        long now = client.config().clock().millis();
        List<ContactItem> items = new ArrayList<>();
        for (ContactView view : views.values()) {
            items.add(item(view, now));
        }
        items.sort(Comparator.comparingInt((ContactItem i) -> rank(i.presence()))
                .thenComparing(i -> i.name().toLowerCase(Locale.ROOT)).thenComparing(ContactItem::username));
        ContactItem was = selected.get(); // before the list changes: a list view clears its selection then
        if (!all.equals(items)) { // an unchanged list keeps its rows (and what a list view shows of them)
            all.setAll(items);
        }
        if (was != null) {
            selected.set(items.stream().filter(i -> i.userId().equals(was.userId())).findFirst().orElse(null));
        }
    }

    private ContactItem item(ContactView view, long now) {
        String name = DisplayNames.of(view);
        String status = view.blocked() ? "blocked" : StatusText.of(view.presence(), view.lastSeenAt(), now);
        return new ContactItem(view.userId(), view.username(), name, view.presence(), status,
                unread.getOrDefault(view.userId(), 0), view.blocked());
    }

    private static int rank(Presence presence) {
        return switch (presence) {
            case ONLINE -> 0;
            case BUSY -> 1;
            case AWAY -> 2;
            case OFFLINE, UNKNOWN -> 3;
        };
    }

    /** Shows the pending requests as the client has them now (in memory; read again on every event, as contacts). */
    private void showRequests() {
        ContactRequests pending = client.contacts().requests();
        List<RequestItem> items = new ArrayList<>();
        for (ContactRequest r : pending.incoming()) {
            items.add(request(r, true));
        }
        for (ContactRequest r : pending.outgoing()) {
            items.add(request(r, false));
        }
        if (!requests.equals(items)) {
            requests.setAll(items);
        }
    }

    private static RequestItem request(ContactRequest r, boolean incoming) {
        UserSummary other = incoming ? r.from() : r.to();
        String name = DisplayNames.of(other.displayName(), other.username());
        String message = r.message() == null ? "" : r.message();
        String text = incoming ? name + " wants to be your contact" : "Waiting for " + name + " to answer";
        return new RequestItem(r.requestId(), incoming, other.username(), name, message, text);
    }

    /** The client's events, as cues to read again on the UI thread. */
    private final class Listener implements ClientListener {
        @Override
        public void onContactsChanged(List<ContactView> contacts) {
            run.ui().execute(ContactListViewModel.this::showContacts);
        }

        @Override
        public void onPresenceChanged(ContactView contact) {
            run.ui().execute(ContactListViewModel.this::showContacts);
        }

        @Override
        public void onRequestsChanged(ContactRequests pending) {
            run.ui().execute(ContactListViewModel.this::showRequests);
        }

        @Override
        public void onMessage(ChatMessage message) {
            if (!message.outgoing()) {
                reloadUnread();
            }
        }

        @Override
        public void onMessageChanged(ChatMessage message) {
            if (!message.outgoing()) {
                reloadUnread();
            }
        }

        @Override
        public void onConnectionChanged(ConnectionStatus status) {
            run.ui().execute(() -> connected.set(client.connection().connected()));
        }
    }
}
