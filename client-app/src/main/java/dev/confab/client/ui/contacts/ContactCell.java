package dev.confab.client.ui.contacts;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One contact in the list: presence dot, name, status text, unread badge, and a context menu to block, unblock or
 * remove. Use on the JavaFX application thread.
 */
final class ContactCell extends ListCell<ContactItem> {
    /** What the context menu asks for; the list view confirms block and remove first. */
    interface Actions {
        void block(ContactItem contact);

        void unblock(ContactItem contact);

        void remove(ContactItem contact);
    }

    private final PresenceDot dot = new PresenceDot();
    private final Label name = new Label();
    private final Label status = new Label();
    private final Label badge = new Label();
    private final HBox row;
    private final MenuItem block = new MenuItem("Block…");
    private final MenuItem unblock = new MenuItem("Unblock");
    private final MenuItem remove = new MenuItem("Remove…");

    ContactCell(Actions actions) {
        name.getStyleClass().add(Styles.TEXT_BOLD);
        status.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        badge.getStyleClass().add("unread-badge");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        row = new HBox(10, dot, new VBox(2, name, status), spacer, badge);
        row.setAlignment(Pos.CENTER_LEFT);
        block.setOnAction(_ -> actions.block(getItem()));
        unblock.setOnAction(_ -> actions.unblock(getItem()));
        remove.setOnAction(_ -> actions.remove(getItem()));
        setPrefWidth(0); // follow the list's width instead of widening it
    }

    @Override
    protected void updateItem(ContactItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setId(null);
            setGraphic(null);
            setContextMenu(null);
            setAccessibleText(null);
            return;
        }
        dot.show(item.presence());
        name.setText(item.name());
        status.setText(item.statusText());
        badge.setText(Integer.toString(item.unread()));
        badge.setVisible(item.unread() > 0);
        setId("contact-" + item.username());
        setGraphic(row);
        setContextMenu(new ContextMenu(item.blocked() ? unblock : block, remove));
        setAccessibleText(item.name() + ", " + item.statusText()
                + (item.unread() > 0 ? ", " + item.unread() + " unread" : ""));
    }
}
