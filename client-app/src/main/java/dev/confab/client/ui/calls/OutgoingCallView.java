package dev.confab.client.ui.calls;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A placed call before it is answered: who is called, "Calling alice…" / "Ringing…" (then why it ended), and cancel
 * ({@code #cancel-call}, Escape).
 *
 * <p>Thread contract: JavaFX application thread only.
 */
public final class OutgoingCallView {
    private final VBox root;

    public OutgoingCallView(CallViewModel model) {
        Label peer = new Label(model.peerName());
        peer.getStyleClass().add(Styles.TITLE_2);
        Label state = new Label();
        state.setId("outgoing-state");
        state.textProperty().bind(model.stateTextProperty());
        state.setWrapText(true);
        Button cancel = new Button("Cancel", new FontIcon(Feather.PHONE_OFF));
        cancel.setId("cancel-call");
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.setAccessibleText("Cancel the call");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(model.endedProperty());
        cancel.setOnAction(_ -> model.hangUp());
        root = new VBox(16, peer, state, cancel);
        root.setAlignment(Pos.CENTER);
        root.setPadding(new Insets(24));
        root.setId("outgoing-call");
    }

    public Parent root() {
        return root;
    }
}
