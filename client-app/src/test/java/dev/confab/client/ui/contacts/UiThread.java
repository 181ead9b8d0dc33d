package dev.confab.client.ui.contacts;

import dev.confab.client.ui.fx.UiExecutors;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A stand-in for the JavaFX application thread in view-model tests: one thread that owns the view-model's
 * properties, and virtual threads for background work. Tests read and act through {@link #call} and {@link #run}.
 */
public final class UiThread implements AutoCloseable {
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    private volatile boolean closed;

    /** The executors to hand a view-model; once closed they drop what late background work still posts. */
    public UiExecutors executors() {
        return new UiExecutors(task -> {
            if (!closed) {
                ui.execute(task);
            }
        }, task -> {
            if (!closed) {
                background.execute(task);
            }
        });
    }

    /** Runs {@code work} on the UI thread and returns its result. */
    public <T> T call(Callable<T> work) {
        try {
            return ui.submit(work).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Failed on the UI thread", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("The UI thread did not answer", e);
        }
    }

    /** Runs {@code work} on the UI thread and waits for it. */
    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public void close() {
        closed = true;
        ui.shutdownNow();
        background.shutdownNow();
    }
}
