package dev.confab.client.ui.calls;

import dev.confab.client.ui.fx.UiExecutors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A stand-in for the JavaFX thread in view-model tests: one thread where properties change, read through
 * {@link #get} so the test sees them as the UI would; background work on virtual threads.
 */
final class UiThread implements AutoCloseable {
    private final ExecutorService ui = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("test-ui")
            .factory());
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    UiExecutors executors() {
        return new UiExecutors(ui, background);
    }

    /** Reads {@code value} on the UI thread. */
    <T> T get(Supplier<T> value) {
        try {
            return ui.submit(value::get).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code action} on the UI thread and waits for it. */
    void run(Runnable action) {
        get(() -> {
            action.run();
            return null;
        });
    }

    @Override
    public void close() {
        ui.shutdownNow();
        background.shutdownNow();
    }
}
