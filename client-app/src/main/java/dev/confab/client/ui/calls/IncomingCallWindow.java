package dev.confab.client.ui.calls;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The window of a call ringing here: its own always-on-top stage, shown and brought to the front even while the main
 * window is minimized, with the caller's name, the kind of call, and accept audio ({@code #accept-audio}, Enter),
 * accept video ({@code #accept-video}, V) and decline ({@code #decline}, Escape). It closes itself when the call is
 * answered, declined or over.
 *
 * <p>Thread contract: JavaFX application thread only.
 */
public final class IncomingCallWindow {
    private static final KeyCodeCombination ACCEPT_VIDEO = new KeyCodeCombination(KeyCode.V);

    private final IncomingCallViewModel model;
    private final Stage stage = new Stage();

    public IncomingCallWindow(IncomingCallViewModel model) {
        this.model = model;
        Label caller = new Label(model.callerName());
        caller.setId("incoming-caller");
        caller.getStyleClass().add(Styles.TITLE_2);
        Label kind = new Label(model.mediaText() + " — incoming");
        kind.getStyleClass().add(Styles.TEXT_MUTED);
        Label problem = new Label();
        problem.setId("incoming-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        problem.setWrapText(true);

        Button audio = button("accept-audio", "Accept", Feather.PHONE, Styles.SUCCESS, "Accept with audio (Enter)");
        audio.setOnAction(_ -> model.acceptAudio());
        audio.setDefaultButton(true);
        Button video = button("accept-video", "Video", Feather.VIDEO, Styles.SUCCESS, "Accept with video (V)");
        video.setOnAction(_ -> model.acceptVideo());
        Button decline = button("decline", "Decline", Feather.PHONE_OFF, Styles.DANGER, "Decline the call (Escape)");
        decline.setOnAction(_ -> model.decline());
        decline.setCancelButton(true);
        for (Button b : new Button[] {audio, video, decline}) {
            b.disableProperty().bind(model.busyProperty());
        }
        HBox buttons = new HBox(12, audio, video, decline);
        buttons.setAlignment(Pos.CENTER);
        VBox root = new VBox(12, caller, kind, buttons, problem);
        root.setAlignment(Pos.CENTER);
        root.setPadding(new Insets(24));
        root.setId("incoming-call");
        // Enter fires the default button (accept audio), Escape the cancel button (decline), V accepts with video.
        Scene scene = new Scene(root, 380, 200);
        scene.getAccelerators().put(ACCEPT_VIDEO, video::fire);
        stage.setScene(scene);
        stage.setTitle(model.callerName() + " is calling");
        stage.setAlwaysOnTop(true);
        stage.setOnCloseRequest(_ -> model.decline());
        model.closedProperty().subscribe(closed -> {
            if (closed) {
                stage.close();
                model.close();
            }
        });
    }

    private static Button button(String id, String text, Feather icon, String style, String accessible) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().add(style);
        b.setAccessibleText(accessible);
        b.setTooltip(new Tooltip(accessible));
        return b;
    }

    /** Shows the window on top of everything and focuses it, even while the main window is minimized. */
    public void show() {
        if (model.closedProperty().get()) {
            return;
        }
        stage.setIconified(false);
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    /** Closes the window and stops the ringing, leaving the call as it is (the app is closing). */
    public void close() {
        stage.close();
        model.close();
    }

    public Stage stage() {
        return stage;
    }
}
