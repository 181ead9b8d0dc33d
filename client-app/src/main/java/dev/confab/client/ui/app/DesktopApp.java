package dev.confab.client.ui.app;

import dev.confab.client.ui.fx.UiExecutors;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: reads the options and hands the primary window to a {@link DesktopShell}. Created and
 * driven by JavaFX on its application thread.
 */
public final class DesktopApp extends Application {
    private DesktopShell shell;

    @Override
    public void start(Stage stage) {
        DesktopOptions options = DesktopOptions.parse(getParameters().getRaw());
        shell = new DesktopShell(stage, options.profiles(System.getenv()), options.serverOrDefault(),
                UiExecutors.javafx(), new StartupMarks(options.startupMarks()));
        shell.show();
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.close();
        }
    }
}
