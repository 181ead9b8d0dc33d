package dev.confab.client.ui.calls;

import atlantafx.base.theme.Styles;
import dev.confab.client.core.calls.CallDirection;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The calls with one contact ({@code #call-history}): per row the direction's arrow, audio or video, when, and how
 * long it was talked or "Missed" (in the danger colour), with a problem label ({@code #call-history-problem}).
 *
 * <p>Thread contract: JavaFX application thread only.
 */
public final class CallHistoryView {
    private final VBox root;

    public CallHistoryView(CallHistoryViewModel model) {
        ListView<CallHistoryItem> list = new ListView<>(model.items());
        list.setId("call-history");
        list.getStyleClass().add("call-history");
        list.setPlaceholder(new Label("No calls yet."));
        list.setCellFactory(_ -> new Row());
        Label problem = new Label();
        problem.setId("call-history-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox.setVgrow(list, Priority.ALWAYS);
        root = new VBox(4, problem, list);
        root.getStylesheets().add(CallHistoryView.class.getResource("calls.css").toExternalForm());
    }

    public Parent root() {
        return root;
    }

    /** One call: arrow, camera or phone, kind and time, and the result at the right. */
    private static final class Row extends ListCell<CallHistoryItem> {
        @Override
        protected void updateItem(CallHistoryItem item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("missed-call");
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                setAccessibleText(null);
                return;
            }
            FontIcon arrow = new FontIcon(item.direction() == CallDirection.OUTGOING ? Feather.ARROW_UP_RIGHT
                    : Feather.ARROW_DOWN_LEFT);
            FontIcon kind = new FontIcon(item.video() ? Feather.VIDEO : Feather.PHONE);
            Label what = new Label(item.kindText());
            Label when = new Label(item.whenText());
            when.getStyleClass().add(Styles.TEXT_MUTED);
            Label result = new Label(item.resultText());
            result.setId("call-result");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = new HBox(8, arrow, kind, new VBox(what, when), spacer, result);
            row.setAlignment(Pos.CENTER_LEFT);
            if (item.missed()) {
                getStyleClass().add("missed-call");
                result.getStyleClass().add(Styles.DANGER);
                arrow.getStyleClass().add(Styles.DANGER);
            }
            setText(null);
            setGraphic(row);
            setAccessibleText(item.kindText() + ", " + item.whenText() + ", " + item.resultText());
        }
    }
}
