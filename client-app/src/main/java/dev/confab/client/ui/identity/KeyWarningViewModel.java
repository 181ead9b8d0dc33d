package dev.confab.client.ui.identity;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.keys.KeyChange;
import dev.confab.client.ui.fx.Problems;
import dev.confab.client.ui.fx.UiExecutors;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warning shown above a conversation, and before a call is placed, while a contact's keys changed and wait for
 * the user's decision: a new device, or a known device with a new key. {@link #warningProperty()} is empty when all
 * is well. {@link #accept()} trusts the current keys (after the user compared safety numbers). {@link #start()}
 * shows what this device knows, follows key changes as they are found, and asks the server for the contact's current
 * keys once.
 *
 * <p>Thread contract: methods and properties on the UI executor; the key store and the server are asked on the
 * background executor.
 */
public final class KeyWarningViewModel implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KeyWarningViewModel.class);

    private final ConfabClient client;
    private final UiExecutors run;
    private final String peerUserId;
    private final String peerName;
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyBooleanWrapper canAccept = new ReadOnlyBooleanWrapper(this, "canAccept");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final PeerKeyWatch watch;

    public KeyWarningViewModel(ConfabClient client, UiExecutors run, String peerUserId) {
        this.client = Objects.requireNonNull(client, "client");
        this.run = Objects.requireNonNull(run, "run");
        this.peerUserId = Objects.requireNonNull(peerUserId, "peerUserId");
        this.peerName = client.contacts().nameOf(peerUserId);
        this.watch = new PeerKeyWatch(client, run, peerUserId, this::recheck);
    }

    /** Shows what this device knows, then asks the server for the contact's current keys. */
    public void start() {
        watch.start();
        run.background().execute(() -> {
            publishPending();
            try {
                client.keys().refresh(peerUserId);
            } catch (RuntimeException e) {
                log.info("Keys of {} not fetched: {}", peerUserId, e.toString());
            }
        });
    }

    /** The warning to show; empty when the contact's keys need no decision. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** Whether trusting the keys settles the warning (not for a key that fails its check). */
    public ReadOnlyBooleanProperty canAcceptProperty() {
        return canAccept.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What went wrong last, as a sentence; empty when nothing did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The user compared safety numbers: trusts the contact's current keys, and the warning goes. */
    public void accept() {
        busy.set(true);
        problem.set("");
        run.background().execute(() -> {
            try {
                client.keys().trust(peerUserId);
                List<KeyChange> pending = client.keys().pendingChanges(peerUserId);
                watch.ui(() -> {
                    busy.set(false);
                    show(pending);
                });
            } catch (RuntimeException e) {
                String message = Problems.message("Trusting " + peerName + "'s keys", e);
                watch.ui(() -> {
                    busy.set(false);
                    problem.set(message);
                });
            }
        });
    }

    /** Stops following key changes; work still running is dropped when it ends. */
    @Override
    public void close() {
        watch.close();
    }

    private void recheck() {
        run.background().execute(this::publishPending);
    }

    /** Reads the pending changes from the key store (background) and shows them. */
    private void publishPending() {
        try {
            List<KeyChange> pending = client.keys().pendingChanges(peerUserId);
            watch.ui(() -> show(pending));
        } catch (RuntimeException e) {
            String message = Problems.message("Checking " + peerName + "'s keys", e);
            watch.ui(() -> problem.set(message));
        }
    }

    private void show(List<KeyChange> pending) {
        warning.set(text(peerName, pending));
        canAccept.set(pending.stream().anyMatch(change -> change.kind() != KeyChange.Kind.INVALID_SIGNATURE));
    }

    /** The sentence for {@code pending} changes of {@code who}'s keys; empty for none. */
    static String text(String who, List<KeyChange> pending) {
        if (pending.isEmpty()) {
            return "";
        }
        if (pending.stream().allMatch(change -> change.kind() == KeyChange.Kind.INVALID_SIGNATURE)) {
            return who + " has a device whose key fails its check. Messages to " + who + " cannot be sealed"
                    + " until that device is removed.";
        }
        if (pending.stream().anyMatch(change -> change.kind() == KeyChange.Kind.IDENTITY_CHANGED)) {
            return who + "'s safety number changed. Compare it before you call or send a message.";
        }
        return who + " has a new device, so the safety number changed. Compare it before you call or send a message.";
    }
}
