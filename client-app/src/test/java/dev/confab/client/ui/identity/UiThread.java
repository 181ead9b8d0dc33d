package dev.confab.client.ui.identity;

import dev.confab.client.ui.fx.UiExecutors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A stand-in for the JavaFX application thread in plain view-model tests: one thread that changes and reads the
 * view-model's properties, and virtual threads for background work. Registered on a static field, it stops after the
 * test class:
 * <pre>{@code @RegisterExtension static final UiThread UI = new UiThread();}</pre>
 */
public final class UiThread implements AfterAllCallback {
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    /** The executors to give a view-model. */
    public UiExecutors executors() {
        return new UiExecutors(ui, background);
    }

    /** Runs {@code action} (a view-model's method) on the UI thread and waits for it. */
    public void run(Runnable action) {
        CompletableFuture.runAsync(action, ui).join();
    }

    /** Reads {@code value} (a property) on the UI thread. */
    public <T> T get(Supplier<T> value) {
        return CompletableFuture.supplyAsync(value, ui).join();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ui.shutdownNow();
        background.shutdownNow();
    }
}
