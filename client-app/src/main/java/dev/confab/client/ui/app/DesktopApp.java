package dev.confab.client.ui.app;

import dev.confab.client.logging.LogFiles;
import dev.confab.client.ui.fx.UiExecutors;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: reads the options, sends the logs to {@code confab-desktop.log} beside the profiles, turns
 * any failure nothing caught into a sentence for the person (the details to the log), and hands the primary window
 * to a {@link DesktopShell}. Created and driven by JavaFX on its application thread.
 */
public final class DesktopApp extends Application {
    private DesktopShell shell;

    @Override
    public void start(Stage stage) {
        DesktopOptions options = DesktopOptions.parse(getParameters().getRaw());
        DesktopProfiles profiles = options.profiles(System.getenv());
        Path logFile = profiles.root().resolve("confab-desktop.log");
        LogFiles.quietConsole();
        LogFiles.toFile(logFile);
        Thread.setDefaultUncaughtExceptionHandler(new UnexpectedFailures(logFile));
        WindowIcons.install();
        shell = new DesktopShell(stage, profiles, options.serverOrDefault(),
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
