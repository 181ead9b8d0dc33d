package dev.confab.client.ui.fx;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Where a view-model runs its work: {@code ui} changes the properties views are bound to (the JavaFX application
 * thread in the app), {@code background} runs what may block (network calls to the server, the local store,
 * devices). View-models never block the UI thread and never touch a property from the background.
 *
 * <p>Plain JUnit tests of view-models pass a {@code ui} executor of their own (a single thread, or run at once),
 * so no JavaFX toolkit is needed. Immutable; safe to share between threads.
 */
public record UiExecutors(Executor ui, Executor background) {
    public UiExecutors {
        Objects.requireNonNull(ui, "ui");
        Objects.requireNonNull(background, "background");
    }

    /** The app's: the JavaFX application thread, and a virtual thread per background task. */
    public static UiExecutors javafx() {
        return new UiExecutors(UiExecutors::onFxThread, BACKGROUND);
    }

    /** Runs both at once on the calling thread: for view-model tests that drive everything from one thread. */
    public static UiExecutors direct() {
        return new UiExecutors(Runnable::run, Runnable::run);
    }

    /**
     * Runs {@code work} on the background, then on the UI thread {@code done} with what it returned, or, if it threw,
     * {@code failed} with the sentence to show ({@link Problems#message} of {@code what}, "Unblocking bob", and the
     * failure).
     */
    public <T> void attempt(String what, Supplier<T> work, Consumer<T> done, Consumer<String> failed) {
        background.execute(() -> {
            T value;
            try {
                value = work.get();
            } catch (Exception e) { // a library may throw a checked exception it does not declare
                String message = Problems.message(what, e);
                ui.execute(() -> failed.accept(message));
                return;
            }
            ui.execute(() -> done.accept(value));
        });
    }

    /** As {@link #attempt(String, Supplier, Consumer, Consumer)}, for work that returns nothing. */
    public void attempt(String what, Runnable work, Runnable done, Consumer<String> failed) {
        attempt(what, () -> {
            work.run();
            return null;
        }, _ -> done.run(), failed);
    }

    private static final ExecutorService BACKGROUND =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("confab-ui-work-", 0).factory());

    private static void onFxThread(Runnable task) {
        if (Platform.isFxApplicationThread()) {
            task.run();
        } else {
            Platform.runLater(task);
        }
    }
}
