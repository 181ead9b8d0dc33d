package dev.confab.client.ui.settings;

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

    @Override
    public String toString() {
        return label;
    }
}
