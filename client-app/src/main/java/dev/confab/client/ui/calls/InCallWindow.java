package dev.confab.client.ui.calls;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

/**
 * The window of one call: the {@link OutgoingCallView} while a placed call rings, the {@link InCallView} once it is
 * answered, and, once the call is over, its end reason stays readable with a close button ({@code #close-call}).
 * Closing the window hangs up.
 *
 * <p>Thread contract: JavaFX application thread only.
 */
public final class InCallWindow {
    private final CallViewModel model;
    private final Stage stage = new Stage();

    public InCallWindow(CallViewModel model) {
        this.model = model;
        BorderPane root = new BorderPane();
        root.setId("call-window");
        Button close = new Button("Close");
        close.setId("close-call");
        close.getStyleClass().add(Styles.ACCENT);
        close.setDefaultButton(true);
        close.setOnAction(_ -> stage.close());
        HBox bottom = new HBox(close);
        bottom.setAlignment(Pos.CENTER);
        bottom.setPadding(new Insets(8));
        bottom.visibleProperty().bind(model.endedProperty());
        bottom.managedProperty().bind(bottom.visibleProperty());
        root.setBottom(bottom);
        model.answeredProperty().subscribe(answered -> root.setCenter(answered
                ? new InCallView(model).root() : new OutgoingCallView(model).root()));
        stage.setScene(new Scene(root, model.videoCall() ? 720 : 420, model.videoCall() ? 540 : 320));
        stage.setTitle("Call with " + model.peerName());
        stage.setOnHidden(_ -> {
            model.hangUp();
            model.close();
        });
    }

    public void show() {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
    }

    /** Hangs up (if still on) and closes. */
    public void close() {
        stage.close();
    }

    public CallViewModel model() {
        return model;
    }

    public Stage stage() {
        return stage;
    }
}
