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
 * not in front (a new message): a title, a line of text, a click to open it. Each stays five seconds. A notice about
 * the same thing as the one showing (the same key: the same title from the same person) joins it: its title counts
 * them ("bob (3)"), its text is the latest, and it stays five seconds from then; any other replaces it. UI thread only.
 */
public final class Toasts {
    private static final Duration SHOWN_FOR = Duration.seconds(5);

    private final Window owner;
    private Notice showing;

    public Toasts(Window owner) {
        this.owner = owner;
    }

    /**
     * Shows a notice about {@code key}, or joins the one showing about the same key; a click on it runs
     * {@code onOpen} and brings the main window to the front.
     *
     * @return whether this is a new notice, not one joined to the notice showing
     */
    public boolean show(String key, String title, String text, Runnable onOpen) {
        if (showing != null && key.equals(showing.key)) {
            showing.join(text);
            return false;
        }
        hide();
        Notice notice = new Notice(key, title, text);
        Stage stage = notice.stage;
        stage.initOwner(owner);
        if (owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        notice.box.addEventHandler(MouseEvent.MOUSE_CLICKED, _ -> {
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
        notice.timer.setOnFinished(_ -> {
            if (showing == notice) {
                hide();
            }
        });
        showing = notice;
        notice.timer.play();
        return true;
    }

    /** The notice showing now, for tests: its title and text, or null. */
    public String current() {
        return showing == null ? null : showing.box.getAccessibleText();
    }

    public void hide() {
        if (showing != null) {
            showing.timer.stop();
            showing.stage.close();
            showing = null;
        }
    }

    /** One notice on the screen: its window, its texts, how many it stands for, and how long it has left. */
    private static final class Notice {
        final String key;
        final String title;
        final Label heading;
        final Label body;
        final VBox box;
        final Stage stage = new Stage(StageStyle.TRANSPARENT);
        final PauseTransition timer = new PauseTransition(SHOWN_FOR);
        int count = 1;

        Notice(String key, String title, String text) {
            this.key = key;
            this.title = title;
            heading = new Label(title);
            heading.getStyleClass().add(Styles.TEXT_BOLD);
            body = new Label(text);
            body.setWrapText(true);
            body.setMaxWidth(280);
            box = new VBox(4, heading, body);
            box.setId("toast");
            box.getStyleClass().add("toast");
            box.setAccessibleText(title + ": " + text);
            stage.setAlwaysOnTop(true);
            Scene scene = new Scene(box);
            scene.setFill(Color.TRANSPARENT);
            stage.setScene(scene);
        }

        /** One more about the same thing: counted in the title, its text shown, five more seconds. */
        void join(String text) {
            count++;
            heading.setText(title + " (" + count + ")");
            body.setText(text);
            box.setAccessibleText(heading.getText() + ": " + text);
            timer.playFromStart();
        }
    }
}
