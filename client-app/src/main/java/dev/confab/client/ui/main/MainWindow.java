package dev.confab.client.ui.main;

import atlantafx.base.theme.Styles;
import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallEnd;
import dev.confab.client.core.calls.CallObserver;
import dev.confab.client.core.calls.EndReason;
import dev.confab.client.ui.calls.CallDevices;
import dev.confab.client.ui.calls.CallWindows;
import dev.confab.client.ui.chat.ClosedConversationAlerts;
import dev.confab.client.ui.chat.MessageNotifier;
import dev.confab.client.ui.contacts.ContactListView;
import dev.confab.client.ui.contacts.ContactListViewModel;
import dev.confab.client.ui.fx.UiExecutors;
import dev.confab.client.ui.settings.DesktopPreferences;
import dev.confab.client.ui.settings.Theme;
import java.time.Clock;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's content for a signed-in account: the connection banner on top, the contact list on the left,
 * the chosen contact's conversation, calls and safety number on the right; calls in their own windows; notices and a
 * sound for messages that arrive unseen and for missed calls; the settings window (Ctrl+,); contact search from
 * anywhere in the window (Ctrl+F). UI thread only; {@link #close()} stops what it listens to and closes its windows.
 */
public final class MainWindow implements AutoCloseable {
    private static final KeyCombination SETTINGS = new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final ConfabClient client;
    private final UiExecutors run;
    private final Stage stage;
    private final DesktopPreferences preferences;
    private final MainViewModel model;
    private final ContactListViewModel contacts;
    private final ClosedConversationAlerts alerts;
    private final CallWindows calls;
    private final Toasts toasts;
    private final ChimeGate chimes = new ChimeGate();
    private final CallDevices devices;
    private final SettingsWindow settings;
    private final ReadOnlyBooleanWrapper contactsLoaded = new ReadOnlyBooleanWrapper(this, "contactsLoaded");
    private final BorderPane root = new BorderPane();
    private final Parent emptyState = emptyState();
    private ContactPane open;
    private final CallObserver missedCalls = new CallObserver() {
        @Override
        public void onCallEnded(Call call, CallEnd end) {
            if (end.reason() == EndReason.MISSED || end.reason() == EndReason.MISSED_WHILE_BUSY) {
                run.ui().execute(() -> showNotice("Missed call", call.peerName() + " called you.", call.peerUserId()));
            }
        }
    };

    public MainWindow(ConfabClient client, UiExecutors run, Stage stage, DesktopPreferences preferences,
            Consumer<Theme> applyTheme, Runnable signedOut) {
        this.client = client;
        this.run = run;
        this.stage = stage;
        this.preferences = preferences;
        this.model = new MainViewModel(client, run);
        this.contacts = new ContactListViewModel(client, run);
        this.toasts = new Toasts(stage);
        MessageNotifier notifier = this::showNotice;
        this.alerts = new ClosedConversationAlerts(client, run, notifier);
        this.devices = new CallDevices(preferences::audio, preferences::camera);
        this.calls = new CallWindows(client, run, devices, Clock.systemDefaultZone());
        this.settings = new SettingsWindow(client, run, preferences, applyTheme, signedOut, stage);
        client.calls().addObserver(missedCalls);

        root.setTop(banner());
        ContactListView contactList = new ContactListView(contacts);
        VBox side = new VBox(contactList.root(), accountBar());
        VBox.setVgrow(side.getChildren().getFirst(), Priority.ALWAYS);
        side.getStyleClass().add("side-pane");
        side.setPrefWidth(300);
        side.setMinWidth(240);
        root.setLeft(side);
        root.setCenter(emptyState);
        contacts.openedUserIdProperty().addListener((_, _, peer) -> open(peer));
        alerts.openPeerUserIdProperty().bind(contacts.openedUserIdProperty());
        contacts.contacts().addListener((javafx.collections.ListChangeListener<Object>) _ -> loaded());
        contacts.connectedProperty().addListener((_, _, _) -> loaded());
        model.sessionEndedProperty().addListener((_, _, ended) -> {
            if (ended) {
                signedOut.run();
            }
        });
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (SETTINGS.match(e)) {
                settings.show();
                e.consume();
            } else if (FIND.match(e)) {
                contactList.focusSearch();
                e.consume();
            }
        });
    }

    public Parent root() {
        return root;
    }

    public ReadOnlyStringProperty titleProperty() {
        return model.titleProperty();
    }

    /**
     * True once the contact list shows contacts with their presence from the server (connected, the list filled):
     * the start-up benchmark's "usable" point. It stays false for an account without contacts.
     */
    public ReadOnlyBooleanProperty contactsLoadedProperty() {
        return contactsLoaded.getReadOnlyProperty();
    }

    @Override
    public void close() {
        if (open != null) {
            open.close();
        }
        client.calls().removeObserver(missedCalls);
        alerts.openPeerUserIdProperty().unbind();
        alerts.close();
        calls.close();
        settings.close();
        toasts.hide();
        contacts.close();
        model.close();
    }

    private void loaded() {
        if (contacts.connectedProperty().get() && !contacts.contacts().isEmpty()) {
            contactsLoaded.set(true);
        }
    }

    private void open(String peerUserId) {
        if (open != null) {
            open.close();
            open = null;
        }
        if (peerUserId == null) {
            root.setCenter(emptyState);
            return;
        }
        open = new ContactPane(client, run, peerUserId, this::showNotice, calls);
        root.setCenter(open.root());
        open.focusComposer();
    }

    /**
     * A notice in the screen's corner that opens the contact when clicked, with the chime unless turned off; a burst
     * from one person joins one notice and chimes once, and chimes come at most one per {@link ChimeGate#GAP}.
     */
    private void showNotice(String title, String text, String peerUserId) {
        boolean fresh = toasts.show(peerUserId + "\n" + title, title, text, () -> contacts.contacts().stream()
                .filter(c -> c.userId().equals(peerUserId)).findFirst().ifPresent(contacts::open));
        if (fresh && preferences.notificationSound() && chimes.mayPlay(System.nanoTime())) {
            Chime.play(devices.speaker());
        }
    }

    private HBox banner() {
        Label text = new Label();
        text.setId("connection-banner-text");
        text.setWrapText(true);
        text.textProperty().bind(model.bannerProperty());
        HBox banner = new HBox(8, new FontIcon(Feather.WIFI_OFF), text);
        banner.setId("connection-banner");
        banner.getStyleClass().add("connection-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(model.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private HBox accountBar() {
        Label me = new Label(client.account().current().map(a -> a.username()).orElse(""));
        me.setId("signed-in-as");
        me.getStyleClass().add(Styles.TEXT_BOLD);
        Button gear = new Button(null, new FontIcon(Feather.SETTINGS));
        gear.setId("open-settings");
        gear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        gear.setAccessibleText("Settings");
        gear.setTooltip(new Tooltip("Settings (Ctrl+,)"));
        gear.setOnAction(_ -> settings.show());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new FontIcon(Feather.USER), me, spacer, gear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 8, 10));
        bar.getStyleClass().add("account-bar");
        return bar;
    }

    private static Parent emptyState() {
        Label hint = new Label("Choose a contact to chat or call.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(hint);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        return box;
    }
}
