package dev.confab.client.ui.contacts;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * Runs an action every so often while a node is in a scene (to refresh "last seen 5 min ago"), and stops when the
 * node leaves it, so a view needs no close. Use on the JavaFX application thread.
 */
public final class Ticker {
    private Ticker() {}

    /** Runs {@code action} every {@code period} while {@code node} is part of a scene. */
    public static void whileShown(Node node, Duration period, Runnable action) {
        Timeline timeline = new Timeline(new KeyFrame(period, _ -> action.run()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        node.sceneProperty().addListener((_, _, scene) -> {
            if (scene == null) {
                timeline.stop();
            } else {
                timeline.play();
            }
        });
        if (node.getScene() != null) {
            timeline.play();
        }
    }
}
