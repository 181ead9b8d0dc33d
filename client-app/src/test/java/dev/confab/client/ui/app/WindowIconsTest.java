package dev.confab.client.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.ui.fx.OnFx;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class WindowIconsTest {
    @Test
    void everyWindowThatOpensGetsConfabsIconInThreeSizes() throws Exception {
        OnFx.fx(() -> {
            WindowIcons.install();
            return null;
        });

        Stage opened = OnFx.fx(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(), 200, 100));
            stage.show();
            return stage;
        });

        assertThat(OnFx.fx(() -> opened.getIcons().stream().map(Image::getWidth).toList()))
                .containsExactly(32.0, 64.0, 256.0);
        assertThat(OnFx.fx(() -> opened.getIcons().stream().noneMatch(Image::isError))).isTrue();
        OnFx.fx(() -> {
            opened.close();
            return null;
        });
    }
}
