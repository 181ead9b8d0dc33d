package dev.confab.client.ui.main;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.account.AccountListener;
import dev.confab.client.core.events.ConnectionListener;
import dev.confab.client.core.events.ConnectionStatus;
import dev.confab.client.ui.fx.UiExecutors;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The main window's own state: who is signed in, and the connection banner — empty while connected, "Connecting…"
 * at start, "Reconnecting…" with the reason and the next attempt while the server is out of reach (contacts then
 * show as unknown), "Signed out" when the session ended on the server.
 *
 * <p>Thread contract: properties change on the UI executor; client events arrive on the client's event thread and
 * are handed over. {@link #close()} from the UI thread.
 */
public final class MainViewModel implements AutoCloseable {
    private final ConfabClient client;
    private final UiExecutors run;
    private final Clock clock;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyBooleanWrapper sessionEnded = new ReadOnlyBooleanWrapper(this, "sessionEnded");
    private final ConnectionListener connection = new ConnectionListener() {
        @Override
        public void onConnectionChanged(ConnectionStatus status) {
            run.ui().execute(() -> show(status));
        }
    };
    private final AccountListener account = new AccountListener() {
        @Override
        public void onSignedOut(String reason) {
            run.ui().execute(() -> {
                sessionEnded.set(true);
                banner.set(reason == null || reason.isBlank() ? "Signed out." : reason);
            });
        }
    };

    public MainViewModel(ConfabClient client, UiExecutors run) {
        this.client = Objects.requireNonNull(client, "client");
        this.run = Objects.requireNonNull(run, "run");
        this.clock = client.config().clock();
        String me = client.account().current().map(a -> a.username()).orElse("");
        title.set(me.isEmpty() ? "Confab" : "Confab — " + me);
        show(client.connection());
        client.addConnectionListener(connection);
        client.account().addListener(account);
    }

    /** The window title: "Confab — alice". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What the banner above the contacts says; empty hides it. */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** The server ended this session (signed out elsewhere, account deleted): the app goes back to sign-in. */
    public ReadOnlyBooleanProperty sessionEndedProperty() {
        return sessionEnded.getReadOnlyProperty();
    }

    @Override
    public void close() {
        client.removeConnectionListener(connection);
        client.account().removeListener(account);
    }

    private void show(ConnectionStatus status) {
        connected.set(status.connected());
        if (sessionEnded.get()) {
            return;
        }
        banner.set(switch (status.state()) {
            case CONNECTED -> "";
            case CONNECTING -> "Connecting to " + client.serverUrl() + "…";
            case RECONNECTING -> reconnecting(status);
            case OFFLINE -> "Offline. Contacts' presence is unknown until Confab is connected again.";
        });
    }

    private String reconnecting(ConnectionStatus status) {
        StringBuilder text = new StringBuilder("Reconnecting to the server…");
        if (status.lastError() != null && !status.lastError().isBlank()) {
            text.append(' ').append(status.lastError().strip());
            if (!status.lastError().strip().endsWith(".")) {
                text.append('.');
            }
        }
        if (status.nextAttemptAt() != null) {
            long seconds = Math.max(1, Duration.between(clock.instant(), status.nextAttemptAt()).toSeconds());
            text.append(" Next try in ").append(seconds).append(seconds == 1 ? " second." : " seconds.");
        }
        return text.append(" Presence is unknown meanwhile.").toString();
    }
}
