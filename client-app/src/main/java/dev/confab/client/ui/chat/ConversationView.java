package dev.confab.client.ui.chat;

import atlantafx.base.theme.Styles;
import dev.confab.client.core.presence.Presence;
import dev.confab.client.ui.contacts.PresenceDot;
import dev.confab.client.ui.contacts.Ticker;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One conversation on screen: a header with the contact's name and presence, the messages as bubbles with their
 * time and state, "Load earlier" on top, and the composer (Enter sends, Shift+Enter starts a new line). It feeds the
 * window's focus into the view-model while it is in a window. It only binds to and forwards to its
 * {@link ConversationViewModel}. Ids: {@code conversation-title}, {@code conversation-status}, {@code load-earlier},
 * {@code message-list}, {@code composer}, {@code send-button}, {@code conversation-problem}. Use on the JavaFX
 * application thread.
 */
public final class ConversationView {
    private static final String STYLESHEET = ConversationView.class.getResource("chat.css").toExternalForm();

    private final ConversationViewModel model;
    private final BorderPane root = new BorderPane();
    private final ListView<MessageItem> list = new ListView<>();
    private final TextArea composer = new TextArea();
    private final HBox actions = new HBox(6);

    public ConversationView(ConversationViewModel model) {
        this.model = model;
        root.setId("conversation");
        root.getStylesheets().addAll(PresenceDot.STYLESHEET, STYLESHEET);
        root.setTop(header());
        root.setCenter(messages());
        root.setBottom(composerRow());
        followWindowFocus();
        Ticker.whileShown(root, Duration.seconds(30), model::tick);
    }

    public Parent root() {
        return root;
    }

    /** Adds buttons at the right of the header, beside the contact's name (the window's call buttons). */
    public void addHeaderActions(Node... nodes) {
        actions.getChildren().addAll(nodes);
        actions.setAlignment(Pos.CENTER_RIGHT);
    }

    /** Puts the cursor in the composer. */
    public void focusComposer() {
        composer.requestFocus();
    }

    private HBox header() {
        PresenceDot dot = new PresenceDot();
        dot.show(model.presenceProperty().get());
        model.presenceProperty().addListener((_, _, presence) -> dot.show(presence == null ? Presence.UNKNOWN : presence));
        Label title = new Label();
        title.setId("conversation-title");
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(model.titleProperty());
        Label status = new Label();
        status.setId("conversation-status");
        status.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        status.textProperty().bind(model.statusTextProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, dot, new VBox(2, title, status), spacer, actions);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("conversation-header");
        return header;
    }

    private VBox messages() {
        Button earlier = new Button("Load earlier messages", new FontIcon(Feather.CHEVRONS_UP));
        earlier.setId("load-earlier");
        earlier.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        earlier.visibleProperty().bind(model.hasEarlierProperty());
        earlier.managedProperty().bind(earlier.visibleProperty());
        earlier.disableProperty().bind(model.loadingProperty());
        earlier.setOnAction(_ -> model.loadEarlier());
        earlier.setMaxWidth(Double.MAX_VALUE);

        list.setId("message-list");
        list.getStyleClass().add("message-list");
        list.setAccessibleText("Messages");
        list.setItems(model.messages());
        list.setCellFactory(_ -> new MessageCell());
        list.setPlaceholder(new Label("No messages yet. Say hello!"));
        list.setFocusTraversable(true);
        VBox.setVgrow(list, Priority.ALWAYS);
        model.messages().addListener((ListChangeListener<MessageItem>) change -> {
            while (change.next()) {
                if (change.wasAdded() && change.getFrom() == 0 && change.getTo() < model.messages().size()) {
                    list.scrollTo(change.getAddedSize()); // earlier ones on top: keep the reader's place
                } else if (change.wasAdded()) {
                    list.scrollTo(model.messages().size() - 1);
                }
            }
        });
        VBox center = new VBox(4, earlier, list);
        center.setPadding(new Insets(6, 10, 0, 10));
        return center;
    }

    private VBox composerRow() {
        composer.setId("composer");
        composer.setPromptText("Write a message. Enter sends, Shift+Enter starts a new line.");
        composer.setAccessibleText("Message to send");
        composer.setWrapText(true);
        composer.setPrefRowCount(2);
        composer.textProperty().bindBidirectional(model.draftProperty());
        composer.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER) {
                return;
            }
            e.consume();
            if (e.isShiftDown()) {
                composer.replaceSelection("\n");
            } else {
                model.send();
            }
        });
        HBox.setHgrow(composer, Priority.ALWAYS);

        Button send = new Button(null, new FontIcon(Feather.SEND));
        send.setId("send-button");
        send.getStyleClass().addAll(Styles.BUTTON_CIRCLE, Styles.ACCENT);
        send.setAccessibleText("Send");
        send.setTooltip(new Tooltip("Send (Enter)"));
        send.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.draftProperty().get() == null || model.draftProperty().get().isBlank(), model.draftProperty()));
        send.setOnAction(_ -> {
            model.send();
            composer.requestFocus();
        });

        Label problem = new Label();
        problem.setId("conversation-problem");
        problem.getStyleClass().add("conversation-problem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        HBox row = new HBox(8, composer, send);
        row.setAlignment(Pos.CENTER);
        VBox bottom = new VBox(4, problem, row);
        bottom.setPadding(new Insets(8, 10, 10, 10));
        return bottom;
    }

    /** Binds the view-model's {@code windowFocused} to the focus of the window this view is in. */
    private void followWindowFocus() {
        ChangeListener<Window> windowChanged = (_, _, window) -> {
            model.windowFocusedProperty().unbind();
            if (window != null) {
                model.windowFocusedProperty().bind(window.focusedProperty());
            } else {
                model.windowFocusedProperty().set(false);
            }
        };
        root.sceneProperty().addListener((_, old, scene) -> {
            if (old != null) {
                old.windowProperty().removeListener(windowChanged);
            }
            windowChanged.changed(null, null, scene == null ? null : scene.getWindow());
            if (scene != null) {
                scene.windowProperty().addListener(windowChanged);
            }
        });
        Scene scene = root.getScene();
        if (scene != null) {
            windowChanged.changed(null, null, scene.getWindow());
        }
    }
}
