package dev.confab.client.ui.contacts;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.confab.protocol.PresenceState;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The contact list pane: own presence, search (Ctrl+F), contacts with presence, status and unread counts (Enter or a
 * click opens one, Delete offers to remove it, the context menu blocks, unblocks or removes), the add-contact form,
 * and pending requests. It only binds to and forwards to its {@link ContactListViewModel}. Ids: {@code own-presence},
 * {@code contact-search}, {@code contact-list}, {@code add-contact}, {@code add-contact-username},
 * {@code add-contact-message}, {@code add-contact-send}, {@code requests-list}, {@code contacts-problem}. Use on the
 * JavaFX application thread.
 */
public final class ContactListView {
    private static final double REQUEST_ROW_HEIGHT = 76;
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final ContactListViewModel model;
    private final VBox root = new VBox(8);
    private final CustomTextField search = new CustomTextField();
    private final ListView<ContactItem> list = new ListView<>();
    private final ConfirmBar confirm = new ConfirmBar();
    private final VBox addForm;
    private final TextField addUsername = new TextField();

    public ContactListView(ContactListViewModel model) {
        this.model = model;
        addForm = addForm();
        root.setId("contact-list-pane");
        root.setPadding(new Insets(10));
        root.getStylesheets().add(PresenceDot.STYLESHEET);
        root.getChildren().addAll(header(), searchField(), addForm, requestsSection(), confirm,
                contactList(), problemLabel());
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (FIND.match(e)) {
                focusSearch();
                e.consume();
            }
        });
        Ticker.whileShown(root, Duration.seconds(30), model::tick);
    }

    public Parent root() {
        return root;
    }

    /** Puts the cursor in the search field (Ctrl+F; the window may bind its own accelerator to this). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private HBox header() {
        ComboBox<PresenceState> presence = new ComboBox<>();
        presence.setId("own-presence");
        presence.getItems().addAll(PresenceState.ONLINE, PresenceState.AWAY, PresenceState.BUSY);
        presence.setConverter(new StringConverter<>() {
            @Override
            public String toString(PresenceState state) {
                return state == null ? "" : state.wire().substring(0, 1).toUpperCase(Locale.ROOT) + state.wire().substring(1);
            }

            @Override
            public PresenceState fromString(String text) {
                return PresenceState.fromWire(text.toLowerCase(Locale.ROOT));
            }
        });
        presence.setAccessibleText("Your presence");
        presence.setTooltip(new Tooltip("Your presence, as your contacts see it"));
        presence.setValue(model.ownPresenceProperty().get());
        model.ownPresenceProperty().addListener((_, _, state) -> presence.setValue(state));
        presence.setOnAction(_ -> model.choosePresence(presence.getValue()));

        Button add = new Button(null, new FontIcon(Feather.USER_PLUS));
        add.setId("add-contact");
        add.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        add.setAccessibleText("Add contact");
        add.setTooltip(new Tooltip("Add contact"));
        add.setOnAction(_ -> showAddForm(!addForm.isVisible()));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, presence, spacer, add);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private TextField searchField() {
        search.setId("contact-search");
        search.setPromptText("Search contacts (Ctrl+F)");
        search.setAccessibleText("Search contacts");
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
            } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
            }
        });
        return search;
    }

    private VBox addForm() {
        addUsername.setId("add-contact-username");
        addUsername.setPromptText("Username");
        addUsername.setAccessibleText("Username of the person to add");
        addUsername.textProperty().bindBidirectional(model.addUsernameProperty());
        TextField message = new TextField();
        message.setId("add-contact-message");
        message.setPromptText("Message (optional)");
        message.setAccessibleText("Message with the request");
        message.textProperty().bindBidirectional(model.addMessageProperty());
        Button send = new Button("Send request");
        send.setId("add-contact-send");
        send.getStyleClass().add(Styles.ACCENT);
        send.disableProperty().bind(model.busyProperty());
        send.setOnAction(_ -> model.sendRequest());
        Button close = new Button("Close");
        close.setId("add-contact-close");
        close.getStyleClass().add(Styles.FLAT);
        close.setOnAction(_ -> showAddForm(false));
        addUsername.setOnAction(_ -> model.sendRequest());
        message.setOnAction(_ -> model.sendRequest());
        Label problem = messageLabel("add-contact-problem", "add-contact-problem");
        problem.textProperty().bind(model.addProblemProperty());
        Label notice = messageLabel("add-contact-notice", "add-contact-notice");
        notice.textProperty().bind(model.addNoticeProperty());
        Label title = new Label("Add a contact");
        title.getStyleClass().add(Styles.TITLE_4);
        VBox form = new VBox(6, title, addUsername, message, new HBox(6, send, close), problem, notice);
        form.setId("add-contact-form");
        form.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                showAddForm(false);
            }
        });
        form.managedProperty().bind(form.visibleProperty());
        form.setVisible(false);
        return form;
    }

    private void showAddForm(boolean show) {
        addForm.setVisible(show);
        if (show) {
            addUsername.requestFocus();
        } else {
            list.requestFocus();
        }
    }

    private ListView<ContactItem> contactList() {
        list.setId("contact-list");
        list.setAccessibleText("Contacts");
        list.setItems(model.contacts());
        list.setPlaceholder(new Label("No contacts yet: add one with the + button."));
        list.setCellFactory(_ -> new ContactCell());
        list.setContextMenu(contactMenu());
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((_, _, item) -> {
            if (item != null) {
                model.selectedProperty().set(item);
            }
        });
        model.selectedProperty().addListener((_, _, item) -> {
            if (item != null && item != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(item);
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && list.getSelectionModel().getSelectedItem() != null) {
                model.open(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            ContactItem item = list.getSelectionModel().getSelectedItem();
            if (item == null) {
                return;
            }
            if (e.getCode() == KeyCode.ENTER) {
                model.open(item);
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                askRemove(item);
                e.consume();
            }
        });
        return list;
    }

    /** Block or unblock, and remove, for the selected contact; from a right click or the keyboard (Shift+F10). */
    private ContextMenu contactMenu() {
        MenuItem block = new MenuItem("Block…");
        block.setId("contact-block");
        MenuItem unblock = new MenuItem("Unblock");
        unblock.setId("contact-unblock");
        MenuItem remove = new MenuItem("Remove…");
        remove.setId("contact-remove");
        block.setOnAction(_ -> selected(contact -> confirm.ask(
                "Block " + contact.name() + "? They can no longer message or call you.", "Block", () -> model.block(contact))));
        unblock.setOnAction(_ -> selected(model::unblock));
        remove.setOnAction(_ -> selected(this::askRemove));
        ContextMenu menu = new ContextMenu(block, unblock, remove);
        menu.setOnShowing(_ -> {
            ContactItem contact = list.getSelectionModel().getSelectedItem();
            block.setVisible(contact != null && !contact.blocked());
            unblock.setVisible(contact != null && contact.blocked());
            remove.setVisible(contact != null);
        });
        return menu;
    }

    private void selected(Consumer<ContactItem> action) {
        ContactItem contact = list.getSelectionModel().getSelectedItem();
        if (contact != null) {
            action.accept(contact);
        }
    }

    private void askRemove(ContactItem contact) {
        confirm.ask("Remove " + contact.name() + " from your contacts? You both lose each other.", "Remove",
                () -> model.remove(contact));
    }

    private VBox requestsSection() {
        Label title = new Label("Requests");
        title.getStyleClass().add(Styles.TITLE_4);
        ListView<RequestItem> requests = new ListView<>(model.requests());
        requests.setId("requests-list");
        requests.setAccessibleText("Contact requests");
        requests.setCellFactory(_ -> new RequestCell(model));
        // Tall enough for every request up to three, then it scrolls.
        requests.prefHeightProperty().bind(Bindings.min(3 * REQUEST_ROW_HEIGHT,
                Bindings.size(model.requests()).multiply(REQUEST_ROW_HEIGHT)).add(4));
        requests.minHeightProperty().bind(requests.prefHeightProperty());
        VBox section = new VBox(4, title, requests);
        section.visibleProperty().bind(Bindings.isNotEmpty(model.requests()));
        section.managedProperty().bind(section.visibleProperty());
        return section;
    }

    private Label problemLabel() {
        Label problem = messageLabel("contacts-problem", "contact-list-problem");
        problem.textProperty().bind(model.problemProperty());
        return problem;
    }

    private static Label messageLabel(String id, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
