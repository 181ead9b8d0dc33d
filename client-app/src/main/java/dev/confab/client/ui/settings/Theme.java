package dev.confab.client.ui.settings;

import javafx.application.ColorScheme;

/**
 * The look the user chose. {@link #SYSTEM} follows the desktop's light or dark colour scheme; the app resolves it
 * (JavaFX's {@code Platform.getPreferences().getColorScheme()}), only the choice is stored. Immutable.
 */
public enum Theme {
    LIGHT("Light"),
    DARK("Dark"),
    SYSTEM("Same as the system");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    /** What the theme choice shows. */
    public String label() {
        return label;
    }

    /**
     * Whether to show the dark variant, given the desktop's scheme (the app passes
     * {@code Platform.getPreferences().getColorScheme()}; it matters only for {@link #SYSTEM}).
     */
    public boolean dark(ColorScheme system) {
        return switch (this) {
            case LIGHT -> false;
            case DARK -> true;
            case SYSTEM -> system == ColorScheme.DARK;
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
