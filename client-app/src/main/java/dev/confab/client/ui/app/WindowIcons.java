package dev.confab.client.ui.app;

import java.util.List;
import java.util.stream.Stream;
import javafx.collections.ListChangeListener;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Gives every window of the app Confab's icon (title bars, task bars, window switchers) as it opens: the main and
 * sign-in window, calls, settings, dialogs. JavaFX application thread only.
 */
final class WindowIcons {
    private WindowIcons() {
    }

    /** From now on, each stage that opens without icons of its own gets Confab's. */
    static void install() {
        List<Image> icons = Stream.of(32, 64, 256)
                .map(size -> new Image(WindowIcons.class.getResource("confab-" + size + ".png").toExternalForm()))
                .toList();
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                for (Window window : change.getAddedSubList()) {
                    if (window instanceof Stage stage && stage.getIcons().isEmpty()) {
                        stage.getIcons().setAll(icons);
                    }
                }
            }
        });
    }
}
