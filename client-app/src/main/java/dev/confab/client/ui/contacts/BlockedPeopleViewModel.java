package dev.confab.client.ui.contacts;

import dev.confab.client.core.ClientListener;
import dev.confab.client.core.ConfabClient;
import dev.confab.client.ui.fx.UiExecutors;
import dev.confab.protocol.rest.UserSummary;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The people this user blocked — contacts or not (someone blocked after an unwanted request is no contact, and the
 * contact list cannot show them) — each of whom can be unblocked here; the list follows blocks made anywhere, on this
 * device or another. Built, bound and used on the UI thread; unblocking runs on the background executor.
 */
public final class BlockedPeopleViewModel implements AutoCloseable {
    private final ConfabClient client;
    private final UiExecutors run;
    private final ObservableList<BlockedPerson> people = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ClientListener listener = new ClientListener() {
        @Override
        public void onBlocksChanged(List<UserSummary> blocked) {
            run.ui().execute(() -> show(blocked));
        }
    };

    /** Starts following {@code client}'s blocks (signed in) and shows the current ones. */
    public BlockedPeopleViewModel(ConfabClient client, UiExecutors run) {
        this.client = client;
        this.run = run;
        client.addListener(listener);
        show(client.contacts().blocked());
    }

    /** The blocked people, by name. */
    public ObservableList<BlockedPerson> people() {
        return FXCollections.unmodifiableObservableList(people);
    }

    /** Whether an unblocking is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last unblocking failed, as a sentence; empty after one that worked. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * Unblocks {@code person}: they can ask, message and call again (a contact sees presence again). The list
     * follows from the client's re-read of its blocks, as for a block made elsewhere.
     */
    public void unblock(BlockedPerson person) {
        busy.set(true);
        run.attempt("Unblocking " + person.name(), () -> client.contacts().unblock(person.username()), () -> {
            busy.set(false);
            problem.set("");
        }, why -> {
            busy.set(false);
            problem.set(why);
        });
    }

    @Override
    public void close() {
        client.removeListener(listener);
    }

    private void show(List<UserSummary> blocked) {
        List<BlockedPerson> next = blocked.stream()
                .map(u -> new BlockedPerson(u.userId(), u.username(), DisplayNames.of(u.displayName(), u.username())))
                .sorted(Comparator.comparing(BlockedPerson::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        if (!people.equals(next)) {
            people.setAll(next);
        }
    }
}
