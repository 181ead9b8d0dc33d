package dev.confab.client.ui.main;

import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Small notices in the screen's lower right corner, above other windows, for what arrives while Confab's window is
 * not in front (a new message): a title, a line of text, a click to open it. Each stays five seconds; a new one
 * replaces the one showing. UI thread only.
 */
public final class Toasts {
    private static final Duration SHOWN_FOR = Duration.seconds(5);

    private final Window owner;
    private Stage showing;

    public Toasts(Window owner) {
        this.owner = owner;
    }

    /** Shows a notice; a click on it runs {@code onOpen} and brings the main window to the front. */
    public void show(String title, String text, Runnable onOpen) {
        hide();
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        Label body = new Label(text);
        body.setWrapText(true);
        body.setMaxWidth(280);
        VBox box = new VBox(4, heading, body);
        box.setId("toast");
        box.getStyleClass().add("toast");
        box.setAccessibleText(title + ": " + text);
        Stage stage = new Stage(StageStyle.TRANSPARENT);
        stage.initOwner(owner);
        stage.setAlwaysOnTop(true);
        Scene scene = new Scene(box);
        scene.setFill(Color.TRANSPARENT);
        if (owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        box.addEventHandler(MouseEvent.MOUSE_CLICKED, _ -> {
            hide();
            if (owner instanceof Stage main) {
                main.setIconified(false);
                main.toFront();
            }
            onOpen.run();
        });
        stage.show();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setX(screen.getMaxX() - stage.getWidth() - 16);
        stage.setY(screen.getMaxY() - stage.getHeight() - 16);
        showing = stage;
        PauseTransition later = new PauseTransition(SHOWN_FOR);
        later.setOnFinished(_ -> {
            if (showing == stage) {
                hide();
            }
        });
        later.play();
    }

    /** The notice showing now, for tests: its title and text, or null. */
    public String current() {
        return showing == null ? null : showing.getScene().getRoot().getAccessibleText();
    }

    public void hide() {
        if (showing != null) {
            showing.close();
            showing = null;
        }
    }
}
