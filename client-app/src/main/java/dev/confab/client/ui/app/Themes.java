package dev.confab.client.ui.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.confab.client.ui.settings.Theme;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;

/**
 * Applies the chosen theme to every window of the app (AtlantaFX Primer, light or dark); {@link Theme#SYSTEM}
 * follows the desktop's colour scheme, also when it changes while the app runs. JavaFX application thread only.
 */
public final class Themes {
    private Theme chosen = Theme.SYSTEM;
    private final ChangeListener<ColorScheme> systemChanged = (_, _, _) -> show();

    public Themes() {
        Platform.getPreferences().colorSchemeProperty().addListener(systemChanged);
    }

    /** Shows {@code theme} from now on. */
    public void apply(Theme theme) {
        chosen = theme;
        show();
    }

    public Theme chosen() {
        return chosen;
    }

    private void show() {
        boolean dark = chosen.dark(Platform.getPreferences().getColorScheme());
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
