package dev.confab.client.ui.fx;

import javafx.scene.Node;

/**
 * Whether a node is where a person could see it (and TestFX could click it): in a scene of a showing window that has
 * been laid out, it and every parent visible, and inside the scene's bounds. For TestFX lookups, which also find nodes
 * of closed windows and a list's hidden measuring cells. Read it on the FX thread or while the scene is not changing.
 */
public final class OnScreen {
    private OnScreen() {}

    public static boolean test(Node node) {
        if (node.getScene() == null || node.getScene().getWindow() == null || !node.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        var scene = node.getScene();
        return scene.getWidth() > 0 && scene.getHeight() > 0 && node.localToScene(node.getBoundsInLocal())
                .intersects(new javafx.geometry.BoundingBox(0, 0, scene.getWidth(), scene.getHeight()));
    }
}
