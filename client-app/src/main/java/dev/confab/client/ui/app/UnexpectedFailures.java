package dev.confab.client.ui.app;

import dev.confab.client.ui.fx.Problems;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a failure nothing else caught, on any thread: its details go to the log file, and the person sees
 * one sentence saying what happened, that Confab goes on, and where the details are — never a stack trace. One
 * notice at a time (a burst of the same failure does not pile up windows). Thread-safe.
 */
final class UnexpectedFailures implements Thread.UncaughtExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(UnexpectedFailures.class);

    private final Path logFile;
    private final AtomicBoolean showing = new AtomicBoolean();

    UnexpectedFailures(Path logFile) {
        this.logFile = logFile;
    }

    /** The sentence shown for {@code failure}. */
    String notice(Throwable failure) {
        return Problems.message("Something in Confab", failure) + " Confab keeps running. The details are in "
                + logFile + ".";
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        log.error("Unexpected failure on thread {}", thread.getName(), failure);
        if (!showing.compareAndSet(false, true)) {
            return;
        }
        String text = notice(failure);
        Runnable show = () -> {
            Alert alert = new Alert(Alert.AlertType.WARNING, text, ButtonType.OK);
            alert.setHeaderText("Something went wrong");
            alert.setTitle("Confab");
            alert.setOnHidden(_ -> showing.set(false));
            alert.show();
        };
        try {
            if (Platform.isFxApplicationThread()) {
                show.run();
            } else {
                Platform.runLater(show);
            }
        } catch (IllegalStateException toolkitGone) {
            showing.set(false);
        }
    }
}
