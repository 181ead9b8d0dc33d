package dev.confab.client.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.application.ColorScheme;
import org.junit.jupiter.api.Test;

class ThemeTest {
    @Test
    void onlyTheSystemChoiceFollowsTheDesktop() {
        assertThat(Theme.SYSTEM.dark(ColorScheme.DARK)).isTrue();
        assertThat(Theme.SYSTEM.dark(ColorScheme.LIGHT)).isFalse();
        assertThat(Theme.LIGHT.dark(ColorScheme.DARK)).isFalse();
        assertThat(Theme.DARK.dark(ColorScheme.LIGHT)).isTrue();
    }
}
