package dev.confab.client.ui.app;

import javafx.application.Application;

/**
 * The desktop app's entry point. It does not extend {@link Application}, so the app runs from the class path
 * (JavaFX refuses to start an Application main class that is not in a named module).
 */
public final class ConfabDesktop {
    private ConfabDesktop() {}

    public static void main(String[] args) {
        try {
            DesktopOptions.parse(java.util.List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("confab-desktop: " + e.getMessage());
            System.exit(2);
        }
        Application.launch(DesktopApp.class, args);
    }
}
