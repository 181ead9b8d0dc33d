package dev.confab.client.ui.app;

import javafx.application.Application;

/**
 * The desktop app's entry point. It does not extend {@link Application}, so the app runs from the class path
 * (JavaFX refuses to start an Application main class that is not in a named module). On a Linux machine without a GPU
 * render node it asks JavaFX for its own software renderer: otherwise JavaFX draws through Mesa's software OpenGL
 * (llvmpipe), which costs ~60 MiB more memory for the same CPU (measured in bench/results/2026-11-27-desktop.md). A
 * {@code -Dprism.order} given on the command line wins.
 */
public final class ConfabDesktop {
    private ConfabDesktop() {}

    /** Whether the kernel offers a GPU for rendering (a DRM render node such as /dev/dri/renderD128). */
    static boolean hasRenderNode() {
        try (var nodes = java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("/dev/dri"), "renderD*")) {
            return nodes.iterator().hasNext();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    public static void main(String[] args) {
        try {
            DesktopOptions.parse(java.util.List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("confab-desktop: " + e.getMessage());
            System.exit(2);
        }
        boolean linux = System.getProperty("os.name", "").startsWith("Linux");
        if (linux && System.getProperty("prism.order") == null && !hasRenderNode()) {
            System.setProperty("prism.order", "sw");
        }
        Application.launch(DesktopApp.class, args);
    }
}
