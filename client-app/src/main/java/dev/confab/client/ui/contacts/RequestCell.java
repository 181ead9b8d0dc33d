package dev.confab.client.ui.contacts;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One pending request: who, their message, and accept and decline (incoming) or cancel (outgoing) buttons, with ids
 * {@code request-accept-<username>}, {@code request-decline-<username>}, {@code request-cancel-<username>}. Use on the
 * JavaFX application thread.
 */
final class RequestCell extends ListCell<RequestItem> {
    private final Label text = new Label();
    private final Label message = new Label();
    private final Button accept = new Button("Accept");
    private final Button decline = new Button("Decline");
    private final Button cancel = new Button("Cancel");
    private final VBox row;

    RequestCell(ContactListViewModel model) {
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, Styles.TEXT_ITALIC);
        message.setWrapText(true);
        message.managedProperty().bind(message.visibleProperty());

        accept.getStyleClass().add(Styles.SUCCESS);
        accept.setOnAction(_ -> model.accept(getItem()));
        decline.getStyleClass().add(Styles.FLAT);
        decline.setOnAction(_ -> model.decline(getItem()));
        cancel.getStyleClass().add(Styles.FLAT);
        cancel.setOnAction(_ -> model.cancel(getItem()));
        for (Button button : new Button[] {accept, decline, cancel}) {
            button.getStyleClass().add(Styles.SMALL);
            button.disableProperty().bind(model.busyProperty());
            button.managedProperty().bind(button.visibleProperty());
        }
        HBox buttons = new HBox(6, accept, decline, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        row = new VBox(4, text, message, buttons);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(RequestItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            for (Button button : new Button[] {accept, decline, cancel}) {
                button.setId(null);
            }
            return;
        }
        text.setText(item.text());
        message.setText(item.message());
        message.setVisible(!item.message().isEmpty());
        show(accept, item.incoming(), "request-accept-", item, "Accept the request from ");
        show(decline, item.incoming(), "request-decline-", item, "Decline the request from ");
        show(cancel, !item.incoming(), "request-cancel-", item, "Cancel the request to ");
        setGraphic(row);
    }

    private static void show(Button button, boolean shown, String idPrefix, RequestItem item, String accessible) {
        button.setVisible(shown);
        button.setId(shown ? idPrefix + item.username() : null);
        button.setAccessibleText(accessible + item.name());
    }
}
