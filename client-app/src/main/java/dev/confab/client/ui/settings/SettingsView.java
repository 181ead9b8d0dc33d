package dev.confab.client.ui.settings;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The settings page, in tabs: Audio &amp; video (devices, level meter, test tone, camera preview), Appearance,
 * Notifications, Account; a problem (a device that cannot be used, an account action that failed) shows above them. Binds to a {@link SettingsViewModel}; the app calls the model's {@code start()} and
 * {@code stop()} as the page is shown and hidden. UI thread only.
 */
public final class SettingsView {
    private final BorderPane root = new BorderPane();
    private final TabPane tabs;
    private final SettingsViewModel model;

    public SettingsView(SettingsViewModel model) {
        this.model = model;
        tabs = new TabPane(tab("Audio & video", audioAndVideo()), tab("Appearance", appearance()),
                tab("Notifications", notifications()), tab("Account", account()));
        tabs.setId("settings-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Node problem = problem();
        BorderPane.setMargin(problem, new Insets(12, 20, 0, 20));
        root.setId("settings");
        root.setTop(problem);
        root.setCenter(tabs);
    }

    public Parent root() {
        return root;
    }

    /** Adds a page of settings kept elsewhere (such as the blocked people), after the others. */
    public void addTab(String title, Node content) {
        tabs.getTabs().add(tab(title, content));
    }

    private Node problem() {
        Label problem = new Label();
        problem.setId("settings-problem");
        problem.setWrapText(true);
        problem.setGraphic(new FontIcon(Feather.ALERT_CIRCLE));
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Label notice = new Label();
        notice.setId("settings-notice");
        notice.setWrapText(true);
        notice.getStyleClass().add(Styles.SUCCESS);
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        return new VBox(8, problem, notice);
    }

    private Node audioAndVideo() {
        ComboBox<DeviceChoice> microphone = devices("microphone-choice", "Microphone", model.microphones());
        microphone.valueProperty().bindBidirectional(model.microphoneProperty());
        ProgressBar level = new ProgressBar();
        level.setId("mic-level");
        level.setAccessibleText("Microphone level");
        level.setMaxWidth(Double.MAX_VALUE);
        level.progressProperty().bind(model.micLevelProperty());

        ComboBox<DeviceChoice> speaker = devices("speaker-choice", "Speaker", model.speakers());
        speaker.valueProperty().bindBidirectional(model.speakerProperty());
        Button test = new Button("Play test sound", new FontIcon(Feather.VOLUME_2));
        test.setId("test-speaker");
        test.setAccessibleText("Play a test sound on the chosen speaker");
        test.disableProperty().bind(model.testingSpeakerProperty());
        test.setOnAction(_ -> model.testSpeaker());

        ComboBox<DeviceChoice> camera = devices("camera-choice", "Camera", model.cameras());
        camera.valueProperty().bindBidirectional(model.cameraProperty());
        ImageView preview = new ImageView();
        preview.setId("camera-preview");
        preview.setAccessibleText("Camera preview");
        preview.setFitWidth(320);
        preview.setFitHeight(240);
        preview.setPreserveRatio(true);
        preview.imageProperty().bind(model.preview().imageProperty());
        StackPane frame = new StackPane(preview);
        frame.getStyleClass().add(Styles.BG_INSET);
        frame.setMinSize(320, 240);
        frame.setMaxSize(320, 240);

        GridPane grid = form();
        row(grid, 0, "_Microphone", microphone, level);
        row(grid, 1, "_Speaker", speaker, test);
        row(grid, 2, "_Camera", camera, null);
        grid.add(frame, 1, 3);
        return grid;
    }

    private Node appearance() {
        ComboBox<Theme> theme = new ComboBox<>();
        theme.setId("theme-choice");
        theme.setAccessibleText("Theme");
        theme.getItems().setAll(Theme.values());
        theme.valueProperty().bindBidirectional(model.themeProperty());
        GridPane grid = form();
        row(grid, 0, "_Theme", theme, null);
        return grid;
    }

    private Node notifications() {
        CheckBox sound = new CheckBox("Play a _sound for new messages and calls");
        sound.setId("notification-sound");
        sound.selectedProperty().bindBidirectional(model.notificationSoundProperty());
        return sound;
    }

    private Node account() {
        Button signOut = new Button("Sign _out", new FontIcon(Feather.LOG_OUT));
        signOut.setId("sign-out");
        signOut.disableProperty().bind(model.busyProperty());
        signOut.setOnAction(_ -> model.signOut());

        PasswordField current = password("current-password", "Current password");
        PasswordField next = password("new-password", "New password");
        Button change = new Button("C_hange password");
        change.setId("change-password");
        change.disableProperty().bind(model.busyProperty());
        change.setOnAction(_ -> {
            model.changePassword(current.getText(), next.getText());
            current.clear();
            next.clear();
        });
        next.setOnAction(_ -> change.fire());

        PasswordField deletePassword = password("delete-password", "Password, to confirm deleting the account");
        Button delete = new Button("_Delete account", new FontIcon(Feather.TRASH_2));
        delete.setId("delete-account");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(model.busyProperty().or(deletePassword.textProperty().isEmpty()));
        delete.setOnAction(_ -> {
            model.deleteAccount(deletePassword.getText());
            deletePassword.clear();
        });
        Label warning = new Label("Deleting the account removes it, your contacts and your messages from the server"
                + " and from this computer. It cannot be undone.");
        warning.setWrapText(true);
        warning.getStyleClass().add(Styles.TEXT_MUTED);

        HBox changeRow = new HBox(8, current, next, change);
        HBox deleteRow = new HBox(8, deletePassword, delete);
        changeRow.setAlignment(Pos.CENTER_LEFT);
        deleteRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(deletePassword, Priority.ALWAYS);
        return new VBox(12, signOut, changeRow, warning, deleteRow);
    }

    private static ComboBox<DeviceChoice> devices(String id, String what, javafx.collections.ObservableList<DeviceChoice> items) {
        ComboBox<DeviceChoice> choice = new ComboBox<>(items);
        choice.setId(id);
        choice.setAccessibleText(what);
        choice.setMaxWidth(Double.MAX_VALUE);
        return choice;
    }

    private static PasswordField password(String id, String prompt) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setAccessibleText(prompt);
        return field;
    }

    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        return grid;
    }

    private static void row(GridPane grid, int row, String label, ComboBox<?> choice, Node extra) {
        Label name = new Label(label);
        name.setMnemonicParsing(true);
        name.setLabelFor(choice);
        name.setMinWidth(100);
        choice.setPrefWidth(320);
        grid.add(name, 0, row);
        grid.add(choice, 1, row);
        if (extra != null) {
            grid.add(extra, 2, row);
            GridPane.setHgrow(extra, Priority.ALWAYS);
        }
    }

    private static Tab tab(String title, Node content) {
        VBox page = new VBox(content);
        page.setPadding(new Insets(20));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        Tab tab = new Tab(title, scroll);
        tab.setId("settings-tab-" + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-"));
        return tab;
    }
}
