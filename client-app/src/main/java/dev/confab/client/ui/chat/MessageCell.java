package dev.confab.client.ui.chat;

import atlantafx.base.theme.Styles;
import dev.confab.client.core.chat.MessageState;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One message as a bubble: incoming on the left, outgoing on the right, with its time, its state (outgoing) and
 * any problem below the text. Use on the JavaFX application thread.
 */
final class MessageCell extends ListCell<MessageItem> {
    private final Label text = new Label();
    private final Label time = new Label();
    private final Label state = new Label();
    private final Label problem = new Label();
    private final Label unverified = new Label("from a device you have not verified", new FontIcon(Feather.ALERT_TRIANGLE));
    private final VBox bubble;
    private final HBox row;

    MessageCell() {
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE); // wrap onto more lines instead of cutting the text short
        text.getStyleClass().add("bubble-text");
        time.getStyleClass().addAll(Styles.TEXT_SMALL, "bubble-meta");
        state.getStyleClass().addAll(Styles.TEXT_SMALL, "bubble-meta");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.getStyleClass().addAll(Styles.TEXT_SMALL, "bubble-problem");
        unverified.getStyleClass().addAll(Styles.TEXT_SMALL, "bubble-problem");
        for (Label label : new Label[] {problem, unverified}) {
            label.managedProperty().bind(label.visibleProperty());
        }
        HBox meta = new HBox(6, time, state);
        meta.setAlignment(Pos.CENTER_RIGHT);
        bubble = new VBox(2, text, problem, unverified, meta);
        bubble.getStyleClass().add("bubble");
        row = new HBox(bubble);
        setPrefWidth(0); // follow the list's width, so long texts wrap
        bubble.maxWidthProperty().bind(widthProperty().multiply(0.72));
    }

    @Override
    protected void updateItem(MessageItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        text.setText(item.text());
        text.getStyleClass().remove(Styles.TEXT_ITALIC);
        if (item.undecryptable()) {
            text.getStyleClass().add(Styles.TEXT_ITALIC);
        }
        time.setText(item.timeText());
        state.setText(item.stateText());
        state.setGraphic(item.outgoing() ? new FontIcon(icon(item.state())) : null);
        problem.setText(item.problem());
        problem.setVisible(item.problem() != null && !item.problem().isBlank());
        unverified.setVisible(item.unverifiedSender());
        bubble.getStyleClass().setAll("bubble", item.outgoing() ? "bubble-outgoing" : "bubble-incoming");
        if (item.state() == MessageState.FAILED || item.undecryptable()) {
            bubble.getStyleClass().add("bubble-failed");
        }
        row.setAlignment(item.outgoing() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        setGraphic(row);
        setAccessibleText((item.outgoing() ? "You, " : "") + item.timeText() + ": " + item.text()
                + (item.stateText().isEmpty() ? "" : ", " + item.stateText()));
    }

    private static Feather icon(MessageState state) {
        return switch (state) {
            case SENDING -> Feather.CLOCK;
            case SENT -> Feather.CHECK;
            case DELIVERED -> Feather.CHECK_CIRCLE;
            case READ -> Feather.EYE;
            case FAILED -> Feather.ALERT_CIRCLE;
            case RECEIVED -> Feather.INBOX;
        };
    }
}
