package dev.confab.client.ui.contacts;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One contact in the list: presence dot, name, status text and unread badge, with id {@code contact-<username>}.
 * Use on the JavaFX application thread.
 */
final class ContactCell extends ListCell<ContactItem> {
    private final PresenceDot dot = new PresenceDot();
    private final Label name = new Label();
    private final Label status = new Label();
    private final Label badge = new Label();
    private final HBox row;

    ContactCell() {
        name.getStyleClass().add(Styles.TEXT_BOLD);
        status.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        badge.getStyleClass().add("unread-badge");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        row = new HBox(10, dot, new VBox(2, name, status), spacer, badge);
        row.setAlignment(Pos.CENTER_LEFT);
        setPrefWidth(0); // follow the list's width instead of widening it
    }

    @Override
    protected void updateItem(ContactItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setId(null);
            setGraphic(null);
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
        setAccessibleText(item.name() + ", " + item.statusText()
                + (item.unread() > 0 ? ", " + item.unread() + " unread" : ""));
    }
}
