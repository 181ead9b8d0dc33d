package dev.confab.client.ui.fx;

import java.util.concurrent.Callable;
import org.testfx.util.WaitForAsyncUtils;

/** Reads UI state on the JavaFX application thread from a test thread, and waits for it. */
public final class OnFx {
    private OnFx() {}

    /** {@code read}'s value, computed on the FX thread; its failure rethrown unchecked. */
    public static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
