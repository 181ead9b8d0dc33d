package dev.confab.client.ui.contacts;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** What the TestFX tests of views share: a themed window to show a view in, and closing its view-model. */
public final class TestStages {
    private TestStages() {}

    /** Applies the light theme and shows {@code stage} with an empty scene of the given size (on the FX thread). */
    public static void prepare(Stage stage, double width, double height) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new StackPane(), width, height));
        stage.show();
    }

    /** Closes {@code model} (if any) on the FX thread and waits for it. */
    public static void close(AutoCloseable model) {
        if (model != null) {
            WaitForAsyncUtils.asyncFx(() -> {
                model.close();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
